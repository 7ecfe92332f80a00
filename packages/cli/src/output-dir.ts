import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Makes sure `out` is a folder this process can write in, before any document is read: creates
 * it when missing and writes (and removes) a probe file, which also catches a read-only disk and
 * holds for root. Throws with a Dutch message otherwise (the CLI then exits with 2). */
export async function prepareOutputDir(out: string | undefined): Promise<string> {
  if (!out) throw new Error('Geef met --out <map> op waar de gelakte documenten en de inventarislijst moeten komen.');
  const dir = path.resolve(out);
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new Error(`De uitvoermap ${dir} is een bestand, geen map. Kies een andere map met --out.`);
  const probe = path.join(dir, `.woo-redact-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(`In de uitvoermap ${dir} kan niet worden geschreven (${reason}). Kies een andere map met --out of pas de rechten aan.`);
  }
  return dir;
}
