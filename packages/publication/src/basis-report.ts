import { PDFDocument, PDFName, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { groundByCode, WIDTH_STEP_EM, type GroundCode } from '@woo/core';
import { countByGround } from './grounds.js';
import { judgementOf, statusOf, type InventoryEntry } from './inventory.js';

/** Everything the onderbouwingsrapport of a batch states. It names no removed text and no
 * original file name: it goes with the decision. */
export interface BasisReportInput {
  madeAt: Date;
  toolVersion: string;
  /** The settings of the run, as label and value ("Beleid", "alle voorstellen geaccepteerd"). */
  settings: ReadonlyArray<readonly [string, string]>;
  /** Who decided on the redactions (a reviewer, or the unattended policy). */
  decidedBy: string;
  entries: readonly InventoryEntry[];
  /** SHA-256 (hex) of each original and published file, by inventory number. */
  hashes: ReadonlyMap<number, { original?: string; published?: string }>;
}

/** The settings row that says how box widths hide the length of what they cover. */
export const BOX_WIDTH_SETTING = ['Breedte lakbalken', `afgerond naar boven op stappen van ${WIDTH_STEP_EM}× de regelhoogte, in de witruimte eromheen`] as const;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

/** A page-breaking line writer. */
class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  line(text: string, { size = 10, bold = false, indent = 0, gap = 4 } = {}): void {
    const font = bold ? this.bold : this.regular;
    for (const part of wrap(text, font, size, A4[0] - 2 * MARGIN - indent)) {
      if (this.y - size < MARGIN) this.newPage();
      this.y -= size;
      this.page.drawText(part, { x: MARGIN + indent, y: this.y, size, font, color: rgb(0, 0, 0) });
      this.y -= gap;
    }
  }

  space(points: number): void {
    this.y -= points;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  return [...lines, current];
}

/** The onderbouwingsrapport (PDF) of a batch: counts per ground with the Dutch description of
 * each ground, the hashes of every original and published file, the tool version and settings,
 * and who decided. */
export async function basisReportPdf(input: BasisReportInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Onderbouwingsrapport lakkingen');
  doc.setProducer(`woo-redact ${input.toolVersion}`);
  doc.setCreationDate(input.madeAt);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('nl-NL'));
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.line('Onderbouwingsrapport lakkingen', { size: 16, bold: true, gap: 10 });
  w.line(`Opgesteld op ${input.madeAt.toISOString()} met woo-redact ${input.toolVersion}.`);
  w.line(`Besloten door: ${input.decidedBy}.`);
  w.space(8);

  w.line('Lakkingen per weigeringsgrond', { size: 12, bold: true, gap: 6 });
  const totals = new Map<GroundCode, number>();
  for (const e of input.entries) for (const [g, n] of countByGround(e.redactions)) totals.set(g, (totals.get(g) ?? 0) + n);
  if (!totals.size) w.line('Er is niets gelakt.');
  for (const [code, n] of [...totals].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const ground = groundByCode(code);
    w.line(`${code} (${ground.article}): ${ground.description}. Aantal lakkingen: ${n}.`, { indent: 10 });
  }
  w.space(8);

  w.line('Instellingen', { size: 12, bold: true, gap: 6 });
  for (const [label, value] of input.settings) w.line(`${label}: ${value}`, { indent: 10 });
  w.space(8);

  w.line('Documenten', { size: 12, bold: true, gap: 6 });
  for (const e of input.entries) {
    const hashes = input.hashes.get(e.number);
    const judgement = judgementOf(e) ?? '-';
    w.line(`${e.number}. ${e.title} (${e.documentId}): ${judgement}, ${statusOf(e)}`, { bold: true, gap: 2 });
    const counts = [...countByGround(e.redactions)].map(([g, n]) => `${g}: ${n}`).join('; ');
    if (counts) w.line(`Lakkingen: ${counts}`, { indent: 10, size: 9, gap: 2 });
    w.line(`SHA-256 origineel: ${hashes?.original ?? '-'}`, { indent: 10, size: 8, gap: 2 });
    w.line(`SHA-256 gepubliceerd: ${hashes?.published ?? '- (niet gepubliceerd)'}`, { indent: 10, size: 8, gap: 6 });
  }
  return doc.save();
}
