import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied first, then m (PDF "cm" semantics: new CTM = n × m)
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

const IMAGE_OPS = new Set<number>([
  pdfjs.OPS.paintImageXObject,
  pdfjs.OPS.paintInlineImageXObject,
  pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat,
  pdfjs.OPS.paintInlineImageXObjectGroup,
  pdfjs.OPS.paintImageMaskXObjectGroup,
]);

/** Fraction (0..1) of the page area that images are painted on, from the operator list.
 * Images are drawn into the unit square under the current transform, so the transformed unit
 * square, clipped to the page, is the painted area. Overlaps are counted twice and the sum is
 * capped, which is fine for "is this page mostly a picture?". */
export async function imageCoverage(page: PDFPageProxy): Promise<number> {
  const ops = await page.getOperatorList();
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const pageArea = (vx1 - vx0) * (vy1 - vy0);
  if (pageArea <= 0) return 0;
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let painted = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case pdfjs.OPS.save:
        stack.push(ctm);
        break;
      case pdfjs.OPS.restore:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case pdfjs.OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case pdfjs.OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args?.[0])) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case pdfjs.OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? IDENTITY;
        break;
      case pdfjs.OPS.beginAnnotation:
        stack.push(ctm);
        break;
      case pdfjs.OPS.endAnnotation:
        ctm = stack.pop() ?? IDENTITY;
        break;
      default:
        if (IMAGE_OPS.has(fn)) painted += clippedUnitSquareArea(ctm, vx0, vy0, vx1, vy1);
    }
  }
  return Math.min(1, painted / pageArea);
}

function clippedUnitSquareArea(m: Matrix, vx0: number, vy0: number, vx1: number, vy1: number): number {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  const w = Math.min(vx1, Math.max(...xs)) - Math.max(vx0, Math.min(...xs));
  const h = Math.min(vy1, Math.max(...ys)) - Math.max(vy0, Math.min(...ys));
  return w > 0 && h > 0 ? w * h : 0;
}
