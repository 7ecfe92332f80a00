import type * as mupdf from 'mupdf';
import { drainQueue, MIN_PAGES_PER_THREAD, PageQueue, pageThreadCount, runAside, type SharedPageQueue } from '@woo/pdf';
import { openMupdf } from './vector.js';
import { imagesUnderBoxes, pageStreams } from './verify-objects.js';
import { checkPagePixels, type CheckedBox, type PixelProblem } from './verify-pixels.js';

/* The verifier's checks of one redacted page, which render and hash the page: most of its time.
 * They run on the calling thread and on page threads at once, each taking pages from one queue. */

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

/** (d) the page's pixels, and with the input (f) what of it must not be in the output unchanged:
 * its content streams and font programs (among `outputStreams`, the hashes of every stream of the
 * output), the images under its boxes. */
function checkPage(output: mupdf.PDFDocument, input: mupdf.PDFDocument | undefined, page: CheckedPage, outputStreams: ReadonlySet<string>): PageFindings {
  const outPage = output.loadPage(page.number - 1);
  const inPage = input && page.number <= input.countPages() ? input.loadPage(page.number - 1) : undefined;
  try {
    return { number: page.number, pixels: checkPagePixels(outPage, inPage, page.boxes), survivors: inPage ? survivors(inPage, outPage, page, outputStreams) : [] };
  } finally {
    outPage.destroy();
    inPage?.destroy();
  }
}

function survivors(inPage: mupdf.PDFPage, outPage: mupdf.PDFPage, page: CheckedPage, outputStreams: ReadonlySet<string>): Survivor[] {
  const found: Survivor[] = [];
  const { content, fonts } = pageStreams(inPage);
  if (content.some((h) => outputStreams.has(h))) found.push('content');
  if (fonts.some((h) => outputStreams.has(h))) found.push('font');
  const boxes = page.boxes.map((b) => b.box);
  const before = imagesUnderBoxes(inPage, boxes);
  if (before.size && [...imagesUnderBoxes(outPage, boxes)].some((h) => before.has(h))) found.push('image');
  return found;
}

interface QueuedPages {
  output: Uint8Array;
  input?: Uint8Array;
  pages: CheckedPage[];
  outputStreams: string[];
  queue: SharedPageQueue;
}

/** A page thread's share (runAside): checks the pages it takes from the queue (positions in
 * `pages`), opening both files only when there is a page left to take. */
export async function checkQueuedPages(task: QueuedPages): Promise<PageFindings[]> {
  const queue = new PageQueue(task.queue);
  const first = queue.take();
  if (first === undefined) return [];
  const output = openMupdf(task.output);
  const input = task.input ? openMupdf(task.input) : undefined;
  const streams = new Set(task.outputStreams);
  const check = (i: number) => checkPage(output, input, task.pages[i - 1]!, streams);
  try {
    return [check(first), ...(await drainQueue(queue, async (i) => check(i)))];
  } finally {
    input?.destroy();
    output.destroy();
  }
}

/** Every page's findings, checked on the calling thread (with the files it has open) and on page
 * threads at once. */
export async function checkPagesOnAllCores(
  files: { output: Uint8Array; input?: Uint8Array },
  open: { output: mupdf.PDFDocument; input?: mupdf.PDFDocument },
  pages: CheckedPage[],
  outputStreams: ReadonlySet<string>,
): Promise<PageFindings[]> {
  const threads = Math.min(pageThreadCount(), Math.floor(pages.length / MIN_PAGES_PER_THREAD));
  const queue = PageQueue.create(pages.length, Math.max(1, threads));
  const here = drainQueue(queue, async (i) => checkPage(open.output, open.input, pages[i - 1]!, outputStreams));
  const task = { ...files, pages, outputStreams: [...outputStreams] };
  const aside = Array.from({ length: threads - 1 }, (_, k) => runAside<PageFindings[]>(import.meta.url, 'checkQueuedPages', { ...task, queue: queue.forThread(k + 1) } satisfies QueuedPages));
  const done = await Promise.all(
    [here, ...aside].map((p) =>
      p.catch((err: unknown) => {
        queue.close();
        throw err;
      }),
    ),
  );
  return done.flat().sort((a, b) => a.number - b.number);
}
