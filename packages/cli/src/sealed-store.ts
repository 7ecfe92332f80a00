import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder for the words of a batch (personal data) that keeps them encrypted with a
 * key that exists only in this process's memory (AES-256-GCM): what a crash or a kill leaves on
 * disk cannot be read. Each entry is removed once used; `remove()` removes the folder. */
export class SealedStore {
  private readonly key = randomBytes(32);

  private constructor(readonly dir: string) {}

  static async create(): Promise<SealedStore> {
    return new SealedStore(await mkdtemp(path.join(os.tmpdir(), 'woo-redact-')));
  }

  async put(name: string, value: unknown): Promise<void> {
    await this.putBytes(name, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  /** The value stored under `name`, which is removed from disk. */
  async take<T>(name: string): Promise<T> {
    const value = await this.readBytes(name);
    await rm(this.file(name));
    return JSON.parse(Buffer.from(value).toString('utf8')) as T;
  }

  async putBytes(name: string, bytes: Uint8Array): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    await writeFile(this.file(name), Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  /** The bytes stored under `name`; they stay stored (read again by a later pass). */
  async readBytes(name: string): Promise<Uint8Array> {
    const sealed = await readFile(this.file(name));
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]));
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }

  private file(name: string): string {
    return path.join(this.dir, name);
  }
}
