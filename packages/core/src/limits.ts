/** Limits that keep one hostile or absurd document from exhausting a worker's memory. Each can be
 * set by an environment variable; the defaults fit a worker with 2 cores and 4 GB. */
export interface DocumentLimits {
  /** Pixels of one image: an image input (PNG/JPEG/TIFF page) or an image inside a PDF. A3 at
   * 600 dpi is 70 M; decoding costs about 13 bytes per pixel. */
  maxImagePixels: number;
  /** Pixels of one rendered page: larger pages are rendered at a lower resolution. */
  maxRenderPixels: number;
  /** Pages of one document, checked right after opening it. */
  maxPages: number;
  /** Documents of one batch (CLI run or service batch). */
  maxDocumentsPerBatch: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxImagePixels: 75_000_000,
  maxRenderPixels: 40_000_000,
  maxPages: 2000,
  maxDocumentsPerBatch: 5000,
};

const VARIABLES: Record<keyof DocumentLimits, string> = {
  maxImagePixels: 'MAX_IMAGE_PIXELS',
  maxRenderPixels: 'MAX_RENDER_PIXELS',
  maxPages: 'MAX_PAGES_PER_DOCUMENT',
  maxDocumentsPerBatch: 'MAX_DOCUMENTS_PER_BATCH',
};

/** A whole number of 1 or more from `env[name]`, or `fallback` when it is not set. */
export function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of 1 or more, got '${raw}'`);
  return n;
}

export function documentLimits(env: NodeJS.ProcessEnv = process.env): DocumentLimits {
  const entries = Object.entries(VARIABLES) as Array<[keyof DocumentLimits, string]>;
  return Object.fromEntries(entries.map(([key, name]) => [key, positiveIntFromEnv(env, name, DEFAULT_LIMITS[key])])) as unknown as DocumentLimits;
}

/** Dutch formatting of a count: 75.000.000. */
export function dutchNumber(n: number): string {
  return n.toLocaleString('nl-NL');
}
