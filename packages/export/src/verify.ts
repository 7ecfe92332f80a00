import { PDFDocument } from 'pdf-lib';
import { groundLabel, isApplied, isPlaced, overlapShare, type Box, type ExtractedDocument, type Redaction, type Word } from '@woo/core';
import { readTextLayerAside, type TextPage } from '@woo/pdf';
import { BOX_PADDING_PT } from './paint.js';
import { appliedBoxesByPage, hits, keptFragments, type PlacedBox } from './cover.js';
import { openMupdf } from './vector.js';
import type { CheckedBox, PixelProblem } from './verify-pixels.js';
import { checkPagesOnAllCores, readInputSides, type CheckedPage, type InputSide, type Survivor } from './verify-pages.js';
import { storedObjects } from './verify-objects.js';
import { distinctProbes, normalise, probeCounter, type Probe } from './probes.js';
import { checkRevisions, checkStructure, documentTitle } from './structure.js';

export interface VerificationReport {
  ok: boolean;
  /** Dutch, one sentence each; never quotes the redacted text. */
  problems: string[];
  /** Pages a problem names. Lets the export redo exactly these pages another way. */
  problemPages: number[];
  /** True when some problem concerns the file as a whole rather than one page. */
  wholeFile: boolean;
}

/** One problem found, with the page it concerns when it concerns one. */
interface Problem {
  page?: number;
  text: string;
}

const onPage = (page: number, text: string): Problem => ({ page, text: `Pagina ${page}: ${text}` });
const whole = (text: string): Problem => ({ text });

type Counter = (probe: Probe) => number;

function toReport(problems: readonly Problem[]): VerificationReport {
  const pages = [...new Set(problems.flatMap((p) => (p.page === undefined ? [] : [p.page])))].sort((a, b) => a - b);
  return { ok: problems.length === 0, problems: problems.map((p) => p.text), problemPages: pages, wholeFile: problems.some((p) => p.page === undefined) };
}

/** The part of a redaction report (redactions.json) the verifier needs. */
export interface ReportInput {
  pages: number;
  redactions: Redaction[];
}

/** The painted box is padded by BOX_PADDING_PT: a word may stand out of the box by that much. */
const COVER_TOLERANCE = BOX_PADDING_PT;

/** Release gate with the original at hand, whichever way the pages were exported: (a) no redacted
 * string, e-mail local part or long digit run in the text layer, nor in any object or
 * decompressed stream, more often than it stands outside the boxes in the original (a rejected
 * suggestion, or the same name elsewhere), (b) no metadata, annotations, forms, attachments,
 * scripts or outlines, (c) one revision, (d) every box dark, and none of the ink of the words it
 * hides visible beside it (output rendering against input rendering), (e) the same number of
 * pages, (f) no content stream, form, font program or image under a box of a redacted page
 * surviving unchanged, no /Redact annotation. `source` (the input PDF) enables the comparisons of
 * (d) and (f); what they need of it can be read beforehand, while the export runs
 * (`readInputChecks` with the same document and redactions). */
export async function verifyExport(
  output: Uint8Array,
  input: { doc: ExtractedDocument; redactions: Redaction[]; source?: Uint8Array; inputChecks?: Promise<InputSide[]> },
): Promise<VerificationReport> {
  const applied = input.redactions.filter(isApplied);
  const boxes = appliedBoxesByPage(applied);
  const keptText = normalise(
    input.doc.pages
      .map((page) => {
        const pageBoxes = (boxes.get(page.number) ?? []).map((b) => b.box);
        return page.words.filter(isPlaced).flatMap((w) => keptFragments(w, pageBoxes)).map((f) => f.text).join(' ');
      })
      .join('\n'),
  );
  const problems = [...coverageProblems(input.doc, applied)];
  const hidden = hiddenProbes(input.doc);
  const inputChecks = input.inputChecks ?? (input.source ? readInputChecks(input.source, input.doc, input.redactions) : undefined);
  problems.push(...(await verify(output, applied, input.doc.pages.length, probeCounter(keptText), hidden, { doc: input.doc, source: input.source, inputChecks })));
  return toReport(problems);
}

/** What the verifier's page checks need of the input (`source`): its renderings under the boxes
 * and the hashes of what must not survive. Started on a page thread, so the caller can export
 * meanwhile and hand the promise to `verifyExport`. */
export function readInputChecks(source: Uint8Array, doc: ExtractedDocument, redactions: Redaction[]): Promise<InputSide[]> {
  return readInputSides(source, checkedPages(doc, redactions.filter(isApplied)));
}

/** The pages with applied boxes, each box with the words it hides. */
function checkedPages(doc: ExtractedDocument, applied: Redaction[]): CheckedPage[] {
  return [...appliedBoxesByPage(applied)].map(([n, placed]) => ({ number: n, boxes: checkedBoxes(placed, doc.pages[n - 1]?.words ?? []) }));
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
function coverageProblems(doc: ExtractedDocument, applied: Redaction[]): Problem[] {
  const problems: Problem[] = [];
  const boxes = appliedBoxesByPage(applied);
  for (const page of doc.pages) {
    for (const { box, redaction } of boxes.get(page.number) ?? []) {
      const hidden = page.words.filter((w) => isPlaced(w) && hits(box, w.box) && hides(redaction, box, w));
      if (hidden.some((w) => (w.pieces ? !w.pieces.every((p) => redaction.boxes.some((b) => contains(b, p))) : !coversAcross(box, w)))) {
        problems.push(onPage(page.number, `de lakbalk van lakking ${redaction.id} bedekt de tekst die hij moet verbergen niet over de volle hoogte.`));
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
  // a short word ("de") inside the redaction's text is a word of it only when it is one of its words
  const named = () => redaction.text.split(/\s+/u).some((t) => bare(t) === w) || (w.length >= MIN_HIDDEN_PROBE && text.includes(w));
  if (text && w) return w.includes(text) || named();
  return overlapShare(word.box, box) >= HIDES_SHARE || overlapShare(box, word.box) >= HIDES_SHARE;
}

/** `outer` holds `inner`, within the padding. */
function contains(outer: Box, inner: Box): boolean {
  const t = COVER_TOLERANCE;
  return outer.x <= inner.x + t && outer.y <= inner.y + t && outer.x + outer.width >= inner.x + inner.width - t && outer.y + outer.height >= inner.y + inner.height - t;
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
  return toReport(await verify(output, applied, report.pages, (probe) => (probe.kind === 'text' && kept.has(probe.value) ? Infinity : 0)));
}

/** The words each box of a page hides (see `hides`); annotation text has no exact place of its
 * own (its row box), the OCR words of its appearance stand for its ink. */
function checkedBoxes(placed: readonly PlacedBox[], words: readonly Word[]): CheckedBox[] {
  return placed.map((p) => ({ ...p, hidden: words.filter((w) => isPlaced(w) && hits(p.box, w.box) && hides(p.redaction, p.box, w)) }));
}

function pixelProblem(n: number, p: PixelProblem): Problem {
  if (p.kind === 'outside-page') return onPage(n, `de lakbalk van lakking ${p.redactionId} valt buiten de pagina.`);
  if (p.kind === 'not-dark') return onPage(n, `de lakbalk van lakking ${p.redactionId} is maar voor ${Math.round((p.darkShare ?? 0) * 100)}% donker (minimaal 50%).`);
  return onPage(n, `naast de lakbalk van lakking ${p.redactionId} is nog inkt van de gelakte tekst zichtbaar.`);
}

/** (a) in stored objects, (d) pixels, (f) survivors: the checks that read the file with MuPDF. */
async function storedAndPainted(
  output: Uint8Array,
  applied: Redaction[],
  probes: readonly Probe[],
  allowed: (p: Probe) => number,
  inTitle: Counter,
  original: { doc: ExtractedDocument; source?: Uint8Array; inputChecks?: Promise<InputSide[]> } | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const out = openMupdf(output);
  try {
    const stored = storedObjects(out);
    if (stored.redactAnnotations) problems.push(whole(`Het bestand bevat nog ${stored.redactAnnotations} lakannotatie(s) (/Redact) die niet zijn toegepast.`));
    const [strings, streams, shown] = [stored.strings, stored.streams, stored.shown].map((t) => probeCounter(normalise(t))) as [Counter, Counter, Counter];
    for (const probe of probes) {
      // digits are left to the text layer check: content streams are full of numbers
      if (probe.kind !== 'text') continue;
      // the document info's /Title is among the strings
      const found = strings(probe) - inTitle(probe) + Math.max(streams(probe), shown(probe));
      if (found > allowed(probe)) problems.push(whole(`Het bestand bevat in zijn objecten of streams nog ${probe.what} (${found}×).`));
    }
    const pages = Math.min(out.countPages(), original?.doc.pages.length ?? Infinity);
    const checked = checkedPages(original?.doc ?? { pages: [] }, applied).filter((p) => p.number <= pages);
    const ahead = (await original?.inputChecks) ?? [];
    for (const found of await checkPagesOnAllCores({ bytes: output, open: out }, original?.source, checked, ahead, stored.streamHashes)) {
      problems.push(...found.pixels.map((p) => pixelProblem(found.number, p)), ...found.survivors.map((kind) => survivorProblem(found.number, kind)));
    }
  } finally {
    out.destroy();
  }
  return problems;
}

/** (f) what of a redacted page must not be in the output unchanged. */
function survivorProblem(n: number, kind: Survivor): Problem {
  if (kind === 'content') return onPage(n, 'een inhoudsstroom van de gelakte pagina staat ongewijzigd in het gelakte bestand.');
  if (kind === 'font') return onPage(n, 'een lettertype van de gelakte pagina staat ongewijzigd in het gelakte bestand (met de tekens van de gelakte tekst).');
  return onPage(n, 'een afbeelding onder een lakbalk staat ongewijzigd in het gelakte bestand.');
}

async function verify(
  output: Uint8Array,
  applied: Redaction[],
  expectedPages: number,
  allowed: (p: Probe) => number,
  extraProbes: readonly Probe[] = [],
  original?: { doc: ExtractedDocument; source?: Uint8Array; inputChecks?: Promise<InputSide[]> },
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const probes = [...distinctProbes(applied), ...extraProbes];
  problems.push(...checkRevisions(output).map(whole));
  let structure: PDFDocument;
  try {
    structure = await PDFDocument.load(output, { updateMetadata: false });
  } catch (err) {
    return [...problems, whole(`Het gelakte bestand kan niet worden gelezen (${(err as Error).message}).`)];
  }
  // the title is shown by every viewer: it may repeat only what the original shows outside the
  // boxes (a hidden word, a removed name, never); it is counted apart from the text and objects
  const inTitle = probeCounter(normalise(documentTitle(structure)));
  for (const probe of probes) {
    if (inTitle(probe) && !allowed(probe)) problems.push(whole(`De titel van het gelakte bestand bevat nog ${probe.what}.`));
  }
  try {
    problems.push(...checkStructure(structure).map(whole));
  } catch (err) {
    problems.push(whole(`De opbouw van het gelakte bestand is ongeldig (${(err as Error).message}).`));
  }
  // the text layer is read as a viewer reads it on another thread while MuPDF looks at the file here
  const textLayer = readTextLayerAside(output).then(
    (layer) => ({ layer }),
    (err: unknown) => ({ err }),
  );
  try {
    problems.push(...(await storedAndPainted(output, applied, probes, allowed, inTitle, original)));
  } catch (err) {
    problems.push(whole(`Het gelakte bestand kan niet worden doorgelicht (${(err as Error).message}).`));
  }

  const read = await textLayer;
  if ('err' in read) return [...problems, whole(`Het gelakte bestand kan niet worden gelezen of weergegeven (${(read.err as Error).message}).`)];
  const { numPages, pages } = read.layer;
  if (numPages !== expectedPages) problems.push(whole(`Het gelakte document heeft ${numPages} pagina's, het origineel ${expectedPages}.`));
  const boxes = appliedBoxesByPage(applied);
  const texts = pages.map((page) => normalise(pageText(page, boxes.get(page.number) ?? [], problems)));
  const everything = probeCounter(texts.join('\n'));
  for (const probe of probes) {
    const found = everything(probe);
    if (found <= allowed(probe)) continue;
    // name the pages it is found on, so that the export can redo exactly those
    const where = texts.flatMap((t, i) => (probeCounter(t)(probe) ? [i + 1] : []));
    const text = `De tekstlaag bevat nog ${probe.what} (${found}×).`;
    problems.push(...(where.length ? where.map((page) => ({ page, text })) : [whole(text)]));
  }
  return problems;
}

/** Text of one output page, in reading order of the text layer. Also flags text that lies
 * entirely inside a box, other than the box's label. */
function pageText(page: TextPage, placed: readonly PlacedBox[], problems: Problem[]): string {
  const parts: string[] = [];
  for (const item of page.items) {
    if (!item.str.trim()) continue;
    parts.push(item.str);
    const [, , , , e, f] = item.transform;
    const x0 = e!;
    const x1 = e! + item.width;
    const yMid = page.height - f! - item.height * 0.3;
    const covering = placed.filter(({ box }) => x0 >= box.x - 0.5 && x1 <= box.x + box.width + 0.5 && yMid > box.y && yMid < box.y + box.height);
    // the one text a box may hold is its own label ("5.1.2e", or "5.1.2e; 5.1.2i")
    if (covering.some(({ redaction }) => groundLabel(redaction) === item.str.trim())) continue;
    const inside = covering[0];
    if (inside) problems.push(onPage(page.number, `onder de lakbalk van lakking ${inside.redaction.id} staat nog tekst in de tekstlaag.`));
  }
  return parts.join(' ');
}
