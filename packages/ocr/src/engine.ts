import type { Word } from '@woo/core';
import { snapToInk } from './ink.js';
import { rowOrder } from './rows.js';
import { encodePgm, smoothGray, toGray, type GrayImage, type PageImage } from './images.js';
import { addRotations, boxToOriginal, boxToTurned, inkOrientation, turnUpright, type Rotation } from './orientation.js';
import { createWorkerPool, type OfflineWorkerOptions, type PoolOptions, type WorkerPool } from './pool.js';
import { joinSplitEmails, LOW_CONFIDENCE, recognizedWords, toPageWords, verticalTextRotation, type RecognizedWord } from './words.js';

export interface OcrEngineOptions extends PoolOptions {
  /** Page confidence below which `lowConfidence` is set (default LOW_CONFIDENCE). */
  lowConfidenceThreshold?: number;
  /** Let the ink say which way up to read first (default true; off only to measure what it saves). */
  orientationHint?: boolean;
}

export interface OcrPageResult {
  /** In page points, top-left origin, on the page as the image shows it (whatever way up). */
  words: Word[];
  /** Mean word confidence, 0..100 (0 when no words were found). */
  confidence: number;
  /** How far the text was turned (clockwise) from upright: what OCR undid before reading. */
  rotation: Rotation;
  /** The page has words but OCR is unsure of them as a whole: a reviewer should look. */
  lowConfidence: boolean;
}

export interface OcrEngine {
  readonly workers: number;
  /** What the workers were started with: local paths only (checked by the offline test). */
  readonly workerOptions: Readonly<OfflineWorkerOptions>;
  recognizePage(image: PageImage, pageSize: { width: number; height: number }): Promise<OcrPageResult>;
  terminate(): Promise<void>;
}

/** Character-weighted mean confidence at or above which a reading is taken to be the right way
 * up. Upright print scores 85-96; the same page upside down scores 30-45, because the LSTM still
 * "reads" mirrored shapes, just without conviction. */
const UPRIGHT_CONFIDENCE = 70;

interface Reading {
  turn: Rotation;
  words: RecognizedWord[];
  /** Confidence-weighted count of characters: more text read with more conviction wins. */
  score: number;
  meanConfidence: number;
}

/** One set of OCR workers, started once and shared by every page and document of a process. */
export async function createOcrEngine(options: OcrEngineOptions = {}): Promise<OcrEngine> {
  const pool = await createWorkerPool(options);
  const lowThreshold = options.lowConfidenceThreshold ?? LOW_CONFIDENCE;
  return {
    workers: pool.size,
    workerOptions: pool.workerOptions,
    async recognizePage(image, pageSize) {
      const gray = smoothGray(await toGray(image));
      const best = await readUpright(pool, gray, image.dpi, options.orientationHint ?? true);
      const rotation = addRotations(best.turn, verticalTextRotation(best.words));
      const pageWords = toPageWords(wordsOnOriginal(best, rotation, gray), {
        rotation,
        imageWidth: gray.width,
        imageHeight: gray.height,
        pageWidth: pageSize.width,
        pageHeight: pageSize.height,
      });
      // on turned pages the boxes say nothing about reading order; tesseract's order stands
      const words = rotation === 0 ? rowOrder(pageWords) : pageWords;
      const confidence = words.length ? words.reduce((sum, w) => sum + (w.confidence ?? 0), 0) / words.length : 0;
      return { words, confidence, rotation, lowConfidence: words.length > 0 && confidence < lowThreshold };
    },
    terminate: () => pool.terminate(),
  };
}

/**
 * Reads the page the right way up. Tesseract's OSD would say which way that is, but it needs the
 * legacy engine and `osd.traineddata`, neither of which the LSTM-only setup loads; so orientation
 * is decided by reading itself:
 * - read the page as it is, or upside down when its ink says so (`inkOrientation`: ascenders
 *   below the lines); a confident reading is kept (the normal case: no extra cost). Reading as
 *   is also covers a quarter turn clockwise, which tesseract's layout analysis turns upright
 *   itself;
 * - otherwise read it the other way up (upside down is the common scanner mistake; with
 *   tesseract's own quarter turn this also covers text turned counter-clockwise), and if that is
 *   not confident either, the two quarter turns explicitly, in parallel;
 * - keep the reading with the highest score. A page with no words at all (blank, a photo) has no
 *   orientation to find and costs one pass.
 */
async function readUpright(pool: WorkerPool, gray: GrayImage, dpi: number, hint: boolean): Promise<Reading> {
  const read = async (turn: Rotation): Promise<Reading> => {
    const page = await pool.recognize({ image: encodePgm(turnUpright(gray, turn)), dpi });
    const words = recognizedWords(page);
    // lines tesseract turned upright itself are vertical in these boxes: no horizontal gaps there
    return scoreReading(turn, verticalTextRotation(words) === 0 ? joinSplitEmails(words) : words);
  };
  // A page upside down is first read the wrong way up only when the ink does not say otherwise:
  // that garbage reading costs 2-3 times a good one.
  const first: Rotation = hint && inkOrientation(gray) === 180 ? 180 : 0;
  let best = await read(first);
  if (isUpright(best)) return best;
  const second = await read(first === 0 ? 180 : 0);
  if (second.score > best.score) best = second;
  if (isUpright(best)) return best;
  for (const reading of await Promise.all([read(90), read(270)])) {
    if (reading.score > best.score) best = reading;
  }
  return best;
}

/** The words of a reading with their edges on the ink, in pixels of the original image. Tesseract
 * reports boxes on the image it was given (turned by `reading.turn`), also for text it turned
 * itself; ink snapping needs horizontal lines, so it runs on the image turned fully upright. */
function wordsOnOriginal(reading: Reading, rotation: Rotation, gray: GrayImage): RecognizedWord[] {
  const { width, height } = gray;
  const upright = reading.words.map((w) => ({ ...w, box: boxToTurned(boxToOriginal(w.box, reading.turn, width, height), rotation, width, height) }));
  return snapToInk(upright, turnUpright(gray, rotation)).map((w) => ({ ...w, box: boxToOriginal(w.box, rotation, width, height) }));
}

function scoreReading(turn: Rotation, words: RecognizedWord[]): Reading {
  let chars = 0;
  let score = 0;
  for (const w of words) {
    // Count letters and digits only: upside-down readings are rich in stray punctuation.
    const n = w.text.replace(/[^\p{L}\p{N}]/gu, '').length;
    chars += n;
    score += (n * w.confidence) / 100;
  }
  return { turn, words, score, meanConfidence: chars ? (100 * score) / chars : 0 };
}

function isUpright(reading: Reading): boolean {
  return reading.words.length === 0 || reading.meanConfidence >= UPRIGHT_CONFIDENCE;
}
