import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { MailFile, MailMessage } from './message.js';

// DejaVu from npm, never from the system: the page must not depend on the machine's fonts
const DEJAVU_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  fonts ??= {
    regular: new Uint8Array(readFileSync(path.join(DEJAVU_DIR, 'DejaVuSans.ttf'))),
    bold: new Uint8Array(readFileSync(path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'))),
  };
  return fonts;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const SIZE = 10;
const LEADING = 13.5;
const LABEL_WIDTH = 78;

const DATE_FORMAT = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** Lays out lines top to bottom over as many A4 pages as needed. */
class PageWriter {
  private page: PDFPage;
  private y = A4.height - MARGIN;

  constructor(private readonly pdf: PDFDocument, private readonly supported: ReadonlySet<number>) {
    this.page = pdf.addPage([A4.width, A4.height]);
  }

  /** `text` wrapped to `width` at `x`; characters the font lacks become '?' (never silently dropped). */
  paragraph(text: string, font: PDFFont, x: number, width: number): void {
    for (const line of text.split(/\r?\n/)) {
      const words = keepNumbersTogether(this.printable(line).split(/(\s+)/));
      let current = '';
      for (const word of words) {
        const candidate = current + word;
        if (font.widthOfTextAtSize(candidate.trimEnd(), SIZE) <= width || !current.trim()) {
          current = candidate;
          while (font.widthOfTextAtSize(current.trimEnd(), SIZE) > width) current = this.breakLong(current, font, x, width);
        } else {
          this.line(current.trimEnd(), font, x);
          current = word.trimStart();
        }
      }
      this.line(current.trimEnd(), font, x);
    }
  }

  /** A label in bold with its value wrapped beside it (the header block). */
  field(label: string, value: string, regular: PDFFont, bold: PDFFont): void {
    this.ensure(LEADING);
    this.page.drawText(label, { x: MARGIN, y: this.y - SIZE, size: SIZE, font: bold });
    this.paragraph(value || '–', regular, MARGIN + LABEL_WIDTH, A4.width - 2 * MARGIN - LABEL_WIDTH);
  }

  rule(): void {
    this.ensure(LEADING);
    this.y -= LEADING / 2;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.7, color: rgb(0.3, 0.3, 0.3) });
    this.y -= LEADING / 2;
  }

  /** An image at its size (72 dpi at most), scaled down to the text width and page height. */
  image(image: PDFImage): void {
    const maxWidth = A4.width - 2 * MARGIN;
    const maxHeight = A4.height - 2 * MARGIN;
    const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensure(height + LEADING / 2);
    this.page.drawImage(image, { x: MARGIN, y: this.y - height, width, height });
    this.y -= height + LEADING / 2;
  }

  private line(text: string, font: PDFFont, x: number): void {
    this.ensure(LEADING);
    if (text) this.page.drawText(text, { x, y: this.y - SIZE, size: SIZE, font });
    this.y -= LEADING;
  }

  /** Writes the longest head of an over-long word that fits, returns the rest. */
  private breakLong(text: string, font: PDFFont, x: number, width: number): string {
    let cut = text.length - 1;
    while (cut > 1 && font.widthOfTextAtSize(text.slice(0, cut), SIZE) > width) cut--;
    this.line(text.slice(0, cut), font, x);
    return text.slice(cut);
  }

  private ensure(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private printable(text: string): string {
    let out = '';
    for (const ch of text.replace(/\t/g, '    ')) {
      const code = ch.codePointAt(0)!;
      out += code < 0x20 || !this.supported.has(code) ? (/\s/.test(ch) ? ' ' : '?') : ch;
    }
    return out;
  }
}

/** Groups of digits separated by single spaces ("06 1340 2388", "NL91 ABNA 0417 1643 00") are
 * not broken over two lines: a number is read (and found) whole. */
function keepNumbersTogether(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const previous = out[out.length - 1];
    const next = tokens[i + 1];
    if (tokens[i] === ' ' && previous && next && /\d$/.test(previous) && /^(?:\d|[A-Z]{4}\b)/.test(next)) {
      out[out.length - 1] = `${previous} ${next}`;
      i++;
    } else out.push(tokens[i]!);
  }
  return out;
}

async function embedImage(pdf: PDFDocument, file: MailFile): Promise<PDFImage | undefined> {
  const b = file.bytes;
  try {
    if (b[0] === 0x89 && b[1] === 0x50) return await pdf.embedPng(b);
    if (b[0] === 0xff && b[1] === 0xd8) return await pdf.embedJpg(b);
  } catch {
    // a broken image is handed on as an attachment: it fails there with its own message
  }
  return undefined;
}

/**
 * The message as a printed e-mail in Dutch: Van, Aan, CC, BCC, Datum, Onderwerp and the names of
 * the attachments, then the body, then the images it shows. Images that cannot be drawn (other
 * formats than PNG and JPEG, broken files) are returned so they become attachments of their own:
 * nothing of the message is dropped.
 */
export async function renderMail(message: MailMessage): Promise<{ pdf: Uint8Array; notDrawn: MailFile[] }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const { regular: regularBytes, bold: boldBytes } = fontBytes();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  const supported = new Set(regular.getCharacterSet());
  const writer = new PageWriter(pdf, supported);
  const images = await Promise.all(message.inlineImages.map(async (file) => ({ file, image: await embedImage(pdf, file) })));
  const notDrawn = images.filter((i) => !i.image).map((i) => i.file);

  writer.field('Van:', message.from, regular, bold);
  writer.field('Aan:', message.to, regular, bold);
  if (message.cc) writer.field('CC:', message.cc, regular, bold);
  if (message.bcc) writer.field('BCC:', message.bcc, regular, bold);
  writer.field('Datum:', message.date ? DATE_FORMAT.format(message.date) : 'onbekend', regular, bold);
  writer.field('Onderwerp:', message.subject, regular, bold);
  const attached = [...message.attachments, ...notDrawn].map((a) => a.fileName);
  if (attached.length) writer.field('Bijlagen:', attached.join('; '), regular, bold);
  writer.rule();
  writer.paragraph(message.body.trim() || '(dit bericht heeft geen tekst)', regular, MARGIN, A4.width - 2 * MARGIN);
  for (const { image } of images) if (image) writer.image(image);

  // a fixed date keeps the PDF byte-identical for the same message (no conversion time leaks)
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  pdf.setProducer('woo-redact');
  pdf.setCreator('woo-redact');
  return { pdf: await pdf.save(), notDrawn };
}
