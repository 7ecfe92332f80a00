import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Files the batch will try. Folders are walked recursively and every file in them is tried
 * (apart from hidden files and this tool's own outputs): a file that cannot be processed becomes
 * a failed document with a Dutch reason, never a silent skip. */
export interface InputFile {
  path: string;
  /** Unique output base name: file name without extension, de-duplicated within the batch. */
  name: string;
  /** Display name (path relative to the input argument it came from). */
  displayName: string;
}

const OWN_OUTPUT = /(\.redacted\.pdf|\.redactions\.json|^inventarislijst\.csv)$/i;

/** `exclude` is a folder never searched: the run's own output folder, when it lies inside an input. */
export async function collectInputs(args: readonly string[], exclude?: string): Promise<InputFile[]> {
  const found: Array<{ path: string; displayName: string }> = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new Error(`Bestand of map niet gevonden: ${arg}`);
    if (info.isDirectory()) {
      for (const file of await walk(arg, exclude && path.resolve(exclude))) found.push({ path: file, displayName: path.relative(arg, file) });
    } else {
      found.push({ path: arg, displayName: path.basename(arg) });
    }
  }
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const key = path.resolve(f.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return withUniqueNames(unique);
}

async function walk(dir: string, exclude: string | undefined): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (path.resolve(full) !== exclude) files.push(...(await walk(full, exclude)));
    }
    else if (e.isFile() && !OWN_OUTPUT.test(e.name)) files.push(full);
  }
  return files;
}

function withUniqueNames(files: Array<{ path: string; displayName: string }>): InputFile[] {
  const used = new Map<string, number>();
  return files.map((f) => {
    const base = path.basename(f.path).replace(/\.[^.]+$/, '') || 'document';
    const n = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), n);
    return { ...f, name: n === 1 ? base : `${base}-${n}` };
  });
}
