import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import UTIF from 'utif2';
import { DocumentError } from '@woo/core';
import { pixelBombPng } from '@woo/testkit';
import { loadImagePages, sniffImageKind, DEFAULT_SCAN_DPI } from '../src/index.js';
import { canvasModule } from '../src/canvas.js';

/** A small gray test picture: a dark square on white. */
function picture(width: number, height: number, shade: number): Uint8Array {
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 2; y < 6; y++) for (let x = 2; x < 6; x++) gray[y * width + x] = shade;
  return gray;
}

function canvasOf(gray: Uint8Array, width: number, height: number) {
  const canvas = canvasModule.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(width, height);
  gray.forEach((v, i) => data.data.set([v, v, v, 255], i * 4));
  ctx.putImageData(data, 0, 0);
  return canvas;
}

/** Inserts a pHYs chunk (pixels per metre) after IHDR. */
function withPhys(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write('pHYs', 0, 'ascii');
  body.writeUInt32BE(ppm, 4);
  body.writeUInt32BE(ppm, 8);
  body[12] = 1;
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(zlib.crc32(body), 17);
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** A multi-page, 8-bit gray, uncompressed TIFF written with utif2's directory encoder. */
function multiPageTiff(pages: { gray: Uint8Array; width: number; height: number; dpi: number }[]): Uint8Array {
  const ifds = (offsets: number[]) =>
    pages.map((p, i) => ({
      t256: [p.width], t257: [p.height], t258: [8], t259: [1], t262: [1], t273: [offsets[i]!], t277: [1],
      t278: [p.height], t279: [p.gray.length], t282: [[p.dpi, 1]], t283: [[p.dpi, 1]], t296: [2],
    }));
  // The directories' size does not depend on the offsets' values: encode once to learn it.
  const headerLength = UTIF.encode(ifds(pages.map(() => 0)) as unknown as UTIF.IFD[]).byteLength;
  const offsets: number[] = [];
  let at = headerLength;
  for (const p of pages) {
    offsets.push(at);
    at += p.gray.length;
  }
  const header = new Uint8Array(UTIF.encode(ifds(offsets) as unknown as UTIF.IFD[]));
  return Buffer.concat([header, ...pages.map((p) => p.gray)]);
}

describe('images', () => {
  it('sniffs PNG, JPEG and TIFF by their first bytes', () => {
    expect(sniffImageKind(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('png');
    expect(sniffImageKind(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffImageKind(Uint8Array.of(0x49, 0x49, 0x2a, 0x00))).toBe('tiff');
    expect(sniffImageKind(Uint8Array.of(0x4d, 0x4d, 0x00, 0x2a))).toBe('tiff');
    expect(sniffImageKind(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
    expect(sniffImageKind(new Uint8Array())).toBeUndefined();
  });

  it('loads a PNG as gray pixels with the DPI of its pHYs chunk', async () => {
    const gray = picture(10, 8, 0);
    const png = canvasOf(gray, 10, 8).toBuffer('image/png');
    const [page] = await loadImagePages(withPhys(png, 200), 'png');
    expect(page).toMatchObject({ width: 10, height: 8, dpi: 200 });
    expect([...page!.data]).toEqual([...gray]);
    expect((await loadImagePages(png, 'png'))[0]!.dpi).toBe(DEFAULT_SCAN_DPI);
  });

  it('loads a JPEG', async () => {
    const jpeg = canvasOf(picture(16, 16, 0), 16, 16).toBuffer('image/jpeg', 95);
    const [page] = await loadImagePages(jpeg, 'jpeg');
    expect(page).toMatchObject({ width: 16, height: 16, dpi: DEFAULT_SCAN_DPI });
    expect(page!.data[3 * 16 + 3]).toBeLessThan(60);
    expect(page!.data[12 * 16 + 12]).toBeGreaterThan(200);
  });

  it('loads every page of a multi-page TIFF with its resolution', async () => {
    const first = { gray: picture(12, 10, 0), width: 12, height: 10, dpi: 300 };
    const second = { gray: picture(9, 14, 100), width: 9, height: 14, dpi: 400 };
    const pages = await loadImagePages(multiPageTiff([first, second]), 'tiff');
    expect(pages.map((p) => [p.width, p.height, p.dpi])).toEqual([[12, 10, 300], [9, 14, 400]]);
    expect([...pages[0]!.data]).toEqual([...first.gray]);
    expect([...pages[1]!.data]).toEqual([...second.gray]);
  });

  it('rejects a TIFF without images', async () => {
    await expect(loadImagePages(Uint8Array.of(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0), 'tiff')).rejects.toThrow(/no images/);
  });

  it('refuses a pixel bomb from its header, before decoding a pixel', async () => {
    const bomb = pixelBombPng(30_000);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    const err: unknown = await loadImagePages(bomb, 'png').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect(err).toMatchObject({ code: 'too-many-pixels', message: expect.stringMatching(/^Deze PNG-afbeelding is 30\.000 bij 30\.000 beeldpunten/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  it('checks JPEG frame headers and every TIFF page against MAX_IMAGE_PIXELS', async () => {
    process.env.MAX_IMAGE_PIXELS = '100';
    try {
      const jpeg = canvasOf(picture(16, 16, 0), 16, 16).toBuffer('image/jpeg', 95);
      await expect(loadImagePages(jpeg, 'jpeg')).rejects.toMatchObject({ code: 'too-many-pixels', message: expect.stringContaining('16 bij 16') });
      const small = { gray: picture(8, 8, 0), width: 8, height: 8, dpi: 300 };
      const large = { gray: picture(12, 10, 0), width: 12, height: 10, dpi: 300 };
      await expect(loadImagePages(multiPageTiff([small, large]), 'tiff')).rejects.toMatchObject({ message: expect.stringMatching(/^Pagina 2 van deze TIFF/) });
    } finally {
      delete process.env.MAX_IMAGE_PIXELS;
    }
  });
});
