import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

/* Small files that ask for a lot of memory: what the limits of issue 12 must stop. */

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A valid 1-bit gray PNG of `side` x `side` white pixels: about 110 KB for 30000 x 30000,
 * which a decoder turns into 3.6 GB of RGBA. */
export function pixelBombPng(side = 30_000): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, gray, deflate, no filter method, no interlace
  const row = Math.ceil(side / 8) + 1; // filter byte + packed bits
  const raw = Buffer.alloc(row * side, 0xff);
  for (let y = 0; y < side; y++) raw[y * row] = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A one-page PDF that draws one 1-bit image of `side` x `side` pixels (a few hundred KB). */
export async function hugeImagePdf(side = 30_000): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const bits = deflateSync(Buffer.alloc(Math.ceil(side / 8) * side, 0xff), { level: 9 });
  const image = pdf.context.register(
    pdf.context.stream(bits, { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode' }),
  );
  const page = pdf.addPage([595, 842]);
  const name = page.node.newXObject('Im', image);
  page.node.set(pdf.context.obj('Contents'), pdf.context.register(pdf.context.stream(`q 595 0 0 842 0 0 cm /${name.asString().slice(1)} Do Q`)));
  return pdf.save();
}

/** A PDF of about 700 bytes with `fan`^`levels` real pages (10,000 by default): every node of
 * its page tree has `fan` kids that are all the same object, down to one shared page. */
export function manyPagesPdf(fan = 10, levels = 4): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < levels; level++) {
    objects.push(`<< /Type /Pages /Count ${fan ** (levels - level)} /Kids [${Array<string>(fan).fill(`${level + 3} 0 R`).join(' ')}] >>`);
  }
  objects.push('<< /Type /Page /MediaBox [0 0 595 842] >>');
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
