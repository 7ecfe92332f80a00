import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where uploaded originals and exports live. Keys are generated here, never taken from a
 * user: an uploaded file name can never become (part of) a path. */
export interface BlobStore {
  /** Stores `data` under a new key and returns the key and the number of bytes written. */
  put(data: Uint8Array | AsyncIterable<Uint8Array>): Promise<{ key: string; size: number }>;
  get(key: string): Promise<Uint8Array>;
  stream(key: string): Readable;
  size(key: string): Promise<number>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid blob key: ${key}`);
}

/** A folder on local disk (or a shared volume when several hosts run workers). Writes go to a
 * temporary file first and are renamed into place, so a reader never sees half a blob. */
export function localBlobStore(dir: string): BlobStore {
  const root = path.resolve(dir);
  const file = (key: string) => {
    assertKey(key);
    // two-level fan-out keeps directories small on a volume holding years of documents
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(data) {
      const key = randomUUID();
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.partial`;
      let size = 0;
      async function* counted(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
        for await (const chunk of source) {
          size += chunk.byteLength;
          yield chunk;
        }
      }
      const source = data instanceof Uint8Array ? [data] : data;
      try {
        await pipeline(counted(source), createWriteStream(tmp, { mode: 0o640 }));
        await rename(tmp, target);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
      return { key, size };
    },
    async get(key) {
      return new Uint8Array(await readFile(file(key)));
    },
    stream(key) {
      return createReadStream(file(key));
    },
    async size(key) {
      return (await stat(file(key))).size;
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}
