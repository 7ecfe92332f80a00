import type * as mupdf from 'mupdf';
import { drainQueue, PageQueue, pageThreadCount, runAside, shareOut, type SharedPageQueue } from '@woo/pdf';
import { openMupdf } from './vector.js';
import { imagesUnderBoxes, pageStreams } from './verify-objects.js';
import { checkPagePixels, inputRendering, type CheckedBox, type Gray, type PixelProblem } from './verify-pixels.js';

/* The verifier's checks of one redacted page, which render and hash the page: most of its time.
 * What they need of the input depends on the input and the boxes only: it is read first, while
 * the export runs when the caller starts it early. The output's side runs on the calling thread
 * and on page threads at once, each taking pages from one queue. */

/** What of a redacted page survives unchanged in the output. */
export type Survivor = 'content' | 'font' | 'image';

/** The boxes of one page to check. */
export interface CheckedPage {
  number: number;
  boxes: CheckedBox[];
}

export interface PageFindings {
  number: number;
  pixels: PixelProblem[];
  survivors: Survivor[];
}

/** What the checks of one page need of the input: its rendering under the boxes, the hashes of
 * its content streams and font programs, and of the images under its boxes. */
export interface InputSide {
  number: number;
  rendering?: Gray;
  content: string[];
  fonts: string[];
  images: string[];
}

/** The input side of one page; none for a page the input does not have. */
function inputSideOf(input: mupdf.PDFDocument, page: CheckedPage): InputSide | undefined {
  if (page.number > input.countPages()) return undefined;
  const inPage = input.loadPage(page.number - 1);
  try {
    const { content, fonts } = pageStreams(inPage);
    const images = [...imagesUnderBoxes(inPage, page.boxes.map((b) => b.box))];
    const rendering = inputRendering(inPage, page.boxes);
    return { number: page.number, ...(rendering ? { rendering } : {}), content, fonts, images };
  } finally {
    inPage.destroy();
  }
}

/** Renderings read ahead are held until the verifier compares them: this much memory, whatever the
 * page count. The pages beyond it are read when they are checked. */
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

/** The input side of the first pages, as far as READ_AHEAD_BYTES of renderings go (runAside, or
 * here). */
export function inputSides({ input, pages }: { input: Uint8Array; pages: CheckedPage[] }): InputSide[] {
  const doc = openMupdf(input);
  const sides: InputSide[] = [];
  let held = 0;
  try {
    for (const page of pages) {
      if (held > READ_AHEAD_BYTES) break;
      const side = inputSideOf(doc, page);
      if (!side) continue;
      held += side.rendering?.data.length ?? 0;
      sides.push(side);
    }
    return sides;
  } finally {
    doc.destroy();
  }
}

/** The input side of the first pages, read on a page thread when there is one, so that the caller
 * (the export) goes on meanwhile. */
export function readInputSides(input: Uint8Array, pages: CheckedPage[]): Promise<InputSide[]> {
  if (pageThreadCount() < 2) return Promise.resolve().then(() => inputSides({ input, pages }));
  return runAside<InputSide[]>(import.meta.url, 'inputSides', { input, pages });
}

/** The input, opened when a page's input side was not read ahead. */
type LazyInput = () => mupdf.PDFDocument | undefined;

function lazyInput(bytes: Uint8Array | undefined): LazyInput & { close(): void } {
  let doc: mupdf.PDFDocument | undefined;
  const open = () => (doc ??= bytes ? openMupdf(bytes) : undefined);
  return Object.assign(open, { close: () => doc?.destroy() });
}

/** (d) the page's pixels, and with the input's side (f) what of it must not be in the output
 * unchanged: its content streams and font programs (among `outputStreams`, the hashes of every
 * stream of the output), the images under its boxes. */
function checkPage(output: mupdf.PDFDocument, ahead: InputSide | undefined, input: LazyInput, page: CheckedPage, outputStreams: ReadonlySet<string>): PageFindings {
  const source = ahead ? undefined : input();
  const side = ahead ?? (source && inputSideOf(source, page));
  const outPage = output.loadPage(page.number - 1);
  try {
    return { number: page.number, pixels: checkPagePixels(outPage, side?.rendering, page.boxes), survivors: side ? survivors(side, outPage, page, outputStreams) : [] };
  } finally {
    outPage.destroy();
  }
}

function survivors(input: InputSide, outPage: mupdf.PDFPage, page: CheckedPage, outputStreams: ReadonlySet<string>): Survivor[] {
  const found: Survivor[] = [];
  if (input.content.some((h) => outputStreams.has(h))) found.push('content');
  if (input.fonts.some((h) => outputStreams.has(h))) found.push('font');
  if (input.images.length) {
    const now = imagesUnderBoxes(outPage, page.boxes.map((b) => b.box));
    if (input.images.some((h) => now.has(h))) found.push('image');
  }
  return found;
}

interface QueuedPages {
  output: Uint8Array;
  /** The input, for the pages whose input side was not read ahead. */
  input?: Uint8Array;
  pages: CheckedPage[];
  /** Per page, in the order of `pages`: the input side read ahead, if it was. */
  ahead: (InputSide | undefined)[];
  outputStreams: string[];
  queue: SharedPageQueue;
}

/** A page thread's share (runAside): checks the pages it takes from the queue (positions in
 * `pages`), opening the files only when there is a page left to take. */
export async function checkQueuedPages(task: QueuedPages): Promise<PageFindings[]> {
  const queue = new PageQueue(task.queue);
  const first = queue.take();
  if (first === undefined) return [];
  const output = openMupdf(task.output);
  const input = lazyInput(task.input);
  const streams = new Set(task.outputStreams);
  const check = (i: number) => checkPage(output, task.ahead[i - 1], input, task.pages[i - 1]!, streams);
  try {
    return [check(first), ...(await drainQueue(queue, async (i) => check(i)))];
  } finally {
    input.close();
    output.destroy();
  }
}

/** Every page's findings, checked on the calling thread (with the output it has open) and on page
 * threads at once. `input` is needed for the pages whose input side is not in `ahead`. */
export async function checkPagesOnAllCores(
  output: { bytes: Uint8Array; open: mupdf.PDFDocument },
  input: Uint8Array | undefined,
  pages: CheckedPage[],
  ahead: readonly InputSide[],
  outputStreams: ReadonlySet<string>,
): Promise<PageFindings[]> {
  const byNumber = new Map(ahead.map((side) => [side.number, side]));
  const aheadOf = pages.map((p) => byNumber.get(p.number));
  const here = lazyInput(input);
  const task = { output: output.bytes, ...(input ? { input } : {}), pages, ahead: aheadOf, outputStreams: [...outputStreams] };
  try {
    const found = await shareOut(
      pages.length,
      async (i) => checkPage(output.open, aheadOf[i - 1], here, pages[i - 1]!, outputStreams),
      (queue) => runAside<PageFindings[]>(import.meta.url, 'checkQueuedPages', { ...task, queue } satisfies QueuedPages),
    );
    return found.sort((a, b) => a.number - b.number);
  } finally {
    here.close();
  }
}
