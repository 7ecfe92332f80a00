import { createCanvas } from '@napi-rs/canvas';
import { DocumentError } from '@woo/core';
import type { FileKind } from '@woo/db';
import { loadImagePages, type PageImage } from '@woo/ocr';
import { PDFDocument } from 'pdf-lib';

/** Wraps an uploaded scan (PNG, JPEG, or a possibly multi-page TIFF) in a PDF, one page per image
 * at the image's own resolution, so it goes through the same stages as a scanned PDF. */
export async function imageToPdf(bytes: Uint8Array, kind: Exclude<FileKind, 'pdf'>): Promise<Uint8Array> {
  let pages: PageImage[];
  try {
    pages = await loadImagePages(bytes, kind);
  } catch (cause) {
    throw new DocumentError('corrupt', 'Deze afbeelding is beschadigd of onvolledig en kan niet worden gelezen. Vraag om een nieuwe kopie.', { cause });
  }
  const pdf = await PDFDocument.create();
  for (const page of pages) {
    // PNG and JPEG go in as they are; TIFF pages come back as raw gray and are encoded as PNG
    const image = kind === 'jpeg' ? await pdf.embedJpg(bytes) : await pdf.embedPng(kind === 'png' ? bytes : await grayToPng(page));
    const width = (page.width * 72) / page.dpi;
    const height = (page.height * 72) / page.dpi;
    pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return pdf.save();
}

async function grayToPng(page: PageImage): Promise<Uint8Array> {
  const canvas = createCanvas(page.width, page.height);
  const ctx = canvas.getContext('2d');
  const imageData = ctx.createImageData(page.width, page.height);
  for (let i = 0; i < page.data.length; i++) {
    const v = page.data[i]!;
    imageData.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(imageData, 0, 0);
  return new Uint8Array(await canvas.encode('png'));
}
