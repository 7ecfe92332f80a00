import { PDFDocument } from 'pdf-lib';
import { isApplied, isGroundCode, overlapShare, type Box, type ExtractedDocument, type Redaction, type Word } from '@woo/core';
import { renderPage, withPdf, type PdfHandle } from '@woo/pdf';
import { BOX_PADDING_PT } from './paint.js';
import { appliedBoxesByPage, hits, keptFragments } from './cover.js';
import { countProbe, distinctProbes, normalise, type Probe } from './probes.js';
import { checkRevisions, checkStructure, documentTitle } from './structure.js';

export interface VerificationReport {
  ok: boolean;
  /** Dutch, one sentence each; never quotes the redacted text. */
  problems: string[];
}

/** The part of a redaction report (redactions.json) the verifier needs. */
export interface ReportInput {
  pages: number;
  redactions: Redaction[];
}

const MIN_DARK_FRACTION = 0.5;
/** The painted box is padded by BOX_PADDING_PT: a word may stand out of the box by that much. */
const COVER_TOLERANCE = BOX_PADDING_PT;
const DARK_LUMINANCE = 110;
const PIXEL_CHECK_DPI = 72;

/** Release gate with the original at hand: (a) no redacted string, e-mail local part or long digit
 * run in the text layer more often than it stands outside the boxes in the original (a rejected
 * suggestion, or the same name elsewhere), (b) no metadata, annotations, forms, attachments,
 * scripts or outlines, (c) one revision, (d) every box dark, (e) the same number of pages. */
export async function verifyExport(output: Uint8Array, input: { doc: ExtractedDocument; redactions: Redaction[] }): Promise<VerificationReport> {
  const applied = input.redactions.filter(isApplied);
  const boxes = appliedBoxesByPage(applied);
  const keptText = normalise(
    input.doc.pages
      .map((page) => {
        const pageBoxes = (boxes.get(page.number) ?? []).map((b) => b.box);
        return page.words.flatMap((w) => keptFragments(w, pageBoxes)).map((f) => f.text).join(' ');
      })
      .join('\n'),
  );
  const problems = [...coverageProblems(input.doc, applied)];
  const hidden = hiddenProbes(input.doc);
  const report = await verify(output, applied, input.doc.pages.length, (probe) => countProbe(keptText, probe), hidden);
  problems.push(...report.problems);
  return { ok: problems.length === 0, problems };
}

/** Words of hidden text worth looking for (4 characters or more, so "de" and "en" do not count). */
const MIN_HIDDEN_PROBE = 4;

/** Probes for the input's hidden text: it must not become searchable in the output. */
function hiddenProbes(doc: ExtractedDocument): Probe[] {
  const seen = new Map<string, Probe>();
  for (const page of doc.pages) {
    for (const w of page.hiddenWords ?? []) {
      const value = normalise(w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      if (value.length >= MIN_HIDDEN_PROBE && !seen.has(value)) seen.set(value, { kind: 'text', value, what: `tekst die in het origineel verborgen is (pagina ${page.number})` });
    }
  }
  return [...seen.values()];
}

/** Every box must cover the full glyph height of the words it blacks out: a box that only grazes
 * a word (a sliver along its baseline) hides nothing. A box hides a word when it covers a real
 * share of it, or lies mostly on it; a neighbour that merely touches the box does not count. */
function coverageProblems(doc: ExtractedDocument, applied: Redaction[]): string[] {
  const problems: string[] = [];
  const boxes = appliedBoxesByPage(applied);
  for (const page of doc.pages) {
    for (const { box, redaction } of boxes.get(page.number) ?? []) {
      const hidden = page.words.filter((w) => hits(box, w.box) && hides(redaction, box, w));
      if (hidden.some((w) => !coversAcross(box, w))) {
        problems.push(`Pagina ${page.number}: de lakbalk van lakking ${redaction.id} bedekt de tekst die hij moet verbergen niet over de volle hoogte.`);
      }
    }
  }
  return problems;
}

const HIDES_SHARE = 0.3;

/** Does this box of the redaction black out (part of) the word? Where the redaction names its text,
 * the word must be part of it (turned text has boxes that overlap their neighbours a lot);
 * otherwise (a box drawn by hand) it must cover a real share of the word, or lie mostly on it. */
function hides(redaction: Redaction, box: Box, word: Word): boolean {
  const bare = (t: string) => normalise(t).replace(/[^\p{L}\p{N}@.]+/gu, '');
  const text = bare(redaction.text);
  const w = bare(word.text);
  if (text && w) return text.includes(w) || w.includes(text);
  return overlapShare(word.box, box) >= HIDES_SHARE || overlapShare(box, word.box) >= HIDES_SHARE;
}

/** The box spans the word across its baseline (its glyph height), within the padding. */
function coversAcross(box: Box, word: Word): boolean {
  const t = COVER_TOLERANCE;
  const vertical = box.y <= word.box.y + t && box.y + box.height >= word.box.y + word.box.height - t;
  const horizontal = box.x <= word.box.x + t && box.x + box.width >= word.box.x + word.box.width - t;
  const angle = word.angle ?? 0;
  if (angle === 0 || angle === 180) return vertical;
  if (angle === 90 || angle === 270) return horizontal;
  return vertical && horizontal;
}

/** Release gate for a file on disk, with only its redactions.json: no redacted string may be in
 * the text layer at all, except strings the report also lists as kept (a rejected or still
 * suggested occurrence of the same text); plus checks (b)-(e). */
export async function verifyAgainstReport(output: Uint8Array, report: ReportInput): Promise<VerificationReport> {
  const kept = new Set(report.redactions.filter((r) => !isApplied(r)).map((r) => normalise(r.text)));
  const applied = report.redactions.filter(isApplied);
  return verify(output, applied, report.pages, (probe) => (probe.kind === 'text' && kept.has(probe.value) ? Infinity : 0));
}

async function verify(
  output: Uint8Array,
  applied: Redaction[],
  expectedPages: number,
  allowed: (p: Probe) => number,
  extraProbes: readonly Probe[] = [],
): Promise<VerificationReport> {
  const problems: string[] = [];
  const probes = [...distinctProbes(applied), ...extraProbes];
  problems.push(...checkRevisions(output));
  let structure: PDFDocument;
  try {
    structure = await PDFDocument.load(output, { updateMetadata: false });
  } catch (err) {
    return { ok: false, problems: [...problems, `Het gelakte bestand kan niet worden gelezen (${(err as Error).message}).`] };
  }
  const title = documentTitle(structure);
  try {
    problems.push(...checkStructure(structure));
  } catch (err) {
    problems.push(`De opbouw van het gelakte bestand is ongeldig (${(err as Error).message}).`);
  }

  try {
    await withPdf(output, async (handle) => {
      if (handle.numPages !== expectedPages) problems.push(`Het gelakte document heeft ${handle.numPages} pagina's, het origineel ${expectedPages}.`);
      const boxes = appliedBoxesByPage(applied);
      const pageTexts: string[] = [];
      for (let n = 1; n <= handle.numPages; n++) {
        const placed = boxes.get(n) ?? [];
        pageTexts.push(await pageText(handle, n, placed, problems));
        if (placed.length) problems.push(...(await darkness(handle, n, placed)));
      }
      // the title is shown by every viewer: it must not hold removed text either
      const text = normalise([...pageTexts, title].join('\n'));
      for (const probe of probes) {
        const found = countProbe(text, probe);
        if (found > allowed(probe)) problems.push(`De tekstlaag bevat nog ${probe.what} (${found}×).`);
      }
    });
  } catch (err) {
    problems.push(`Het gelakte bestand kan niet worden gelezen of weergegeven (${(err as Error).message}).`);
  }
  return { ok: problems.length === 0, problems };
}

/** Text of one output page, in reading order of the text layer. Also flags text that lies
 * entirely inside a box, other than the box's label. */
async function pageText(handle: PdfHandle, n: number, placed: Array<{ box: Box; redaction: Redaction }>, problems: string[]): Promise<string> {
  const page = await handle.doc.getPage(n);
  try {
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      parts.push(item.str);
      if (isGroundCode(item.str.trim())) continue;
      const [, , , , e, f] = item.transform as number[];
      const x0 = e!;
      const x1 = e! + item.width;
      const yMid = height - f! - item.height * 0.3;
      const inside = placed.find(({ box }) => x0 >= box.x - 0.5 && x1 <= box.x + box.width + 0.5 && yMid > box.y && yMid < box.y + box.height);
      if (inside) problems.push(`Pagina ${n}: onder de lakbalk van lakking ${inside.redaction.id} staat nog tekst in de tekstlaag.`);
    }
    return parts.join(' ');
  } finally {
    page.cleanup();
  }
}

/** (d) share of dark pixels inside every box when the output is rendered. The label is light, so
 * a well-painted box scores ~0.6-0.95 (small boxes lowest, their label fills more of them); text
 * that shows through an unpainted box scores 0.1-0.3. */
async function darkness(handle: PdfHandle, n: number, placed: Array<{ box: Box; redaction: Redaction }>): Promise<string[]> {
  const { canvas, scale } = await renderPage(handle, n, PIXEL_CHECK_DPI);
  const ctx = canvas.getContext('2d');
  const problems: string[] = [];
  for (const { box, redaction } of placed) {
    const x0 = Math.max(0, Math.ceil(box.x * scale));
    const y0 = Math.max(0, Math.ceil(box.y * scale));
    const x1 = Math.min(canvas.width, Math.max(x0 + 1, Math.floor((box.x + box.width) * scale)));
    const y1 = Math.min(canvas.height, Math.max(y0 + 1, Math.floor((box.y + box.height) * scale)));
    if (x1 <= x0 || y1 <= y0) {
      problems.push(`Pagina ${n}: de lakbalk van lakking ${redaction.id} valt buiten de pagina.`);
      continue;
    }
    const px = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if ((px[i]! * 77 + px[i + 1]! * 150 + px[i + 2]! * 29) >> 8 < DARK_LUMINANCE) dark++;
    const fraction = dark / (px.length / 4);
    if (fraction < MIN_DARK_FRACTION) {
      problems.push(`Pagina ${n}: de lakbalk van lakking ${redaction.id} is maar voor ${Math.round(fraction * 100)}% donker (minimaal ${MIN_DARK_FRACTION * 100}%).`);
    }
  }
  return problems;
}
