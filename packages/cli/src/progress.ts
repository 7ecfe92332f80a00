/** Progress of one pass over the batch on stderr: a redrawn bar on a terminal, one line per
 * finished document otherwise (so nightly logs stay readable). */
export class Progress {
  private docsDone = 0;
  private pagesDone = 0;
  private failed = 0;
  private readonly tty: boolean;

  constructor(
    /** What this pass does to a document, for the bar: "gelezen", "gelakt". */
    private readonly verb: string,
    private readonly totalDocs: number,
    private readonly enabled: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = enabled && Boolean(stream.isTTY);
  }

  /** `status` replaces the page count in the line (the convert pass counts documents, not pages). */
  documentDone(name: string, pages: number, error?: string, status?: string): void {
    this.docsDone++;
    this.pagesDone += pages;
    if (error) this.failed++;
    if (!this.enabled) return;
    if (this.tty) {
      this.stream.write(`\r\x1b[K`);
      if (error) this.stream.write(`✗ ${name}: ${error}\n`);
      this.stream.write(this.bar());
    } else {
      const line = error ? `MISLUKT: ${error}` : (status ?? pagesText(pages));
      this.stream.write(`[${this.docsDone}/${this.totalDocs} ${this.verb}] ${name}: ${line}\n`);
    }
  }

  finish(): void {
    if (this.tty) this.stream.write('\n');
  }

  private bar(): string {
    const width = 24;
    const filled = Math.round((this.docsDone / Math.max(1, this.totalDocs)) * width);
    const failed = this.failed ? `, ${this.failed} mislukt` : '';
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.docsDone}/${this.totalDocs} documenten ${this.verb}, ${this.pagesDone} pagina's${failed}`;
  }
}

function pagesText(n: number): string {
  return n === 1 ? '1 pagina' : `${n} pagina's`;
}
