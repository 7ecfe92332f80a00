import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Write via a temporary file and rename, so an interrupted run never leaves a half-written
 * file that looks finished. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
