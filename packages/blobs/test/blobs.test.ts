import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localBlobStore } from '../src/index.js';

describe('localBlobStore', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'woo-blobs-'));
  const store = localBlobStore(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes and streams under generated keys, and reads them back', async () => {
    const a = await store.put(new Uint8Array([1, 2, 3]));
    async function* chunks() {
      yield new Uint8Array([4, 5]);
      yield new Uint8Array([6]);
    }
    const b = await store.put(chunks());
    expect(a.key).not.toBe(b.key);
    expect([a.size, b.size]).toEqual([3, 3]);
    expect([...(await store.get(b.key))]).toEqual([4, 5, 6]);
    await store.delete(a.key);
    await expect(store.get(a.key)).rejects.toThrow();
  });

  it('refuses keys that are not its own, so no path can be smuggled in', async () => {
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/invalid blob key/);
    expect(() => store.stream('rapport.pdf')).toThrow(/invalid blob key/);
  });

  it('leaves no partial file behind when the source fails', async () => {
    async function* broken() {
      yield new Uint8Array([1]);
      throw new Error('verbinding verbroken');
    }
    await expect(store.put(broken())).rejects.toThrow('verbinding verbroken');
    const all = readdirSync(dir, { recursive: true }).map(String);
    expect(all.filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
