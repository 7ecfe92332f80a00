import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The LSTM-only "best_int" models: what OEM.LSTM_ONLY needs, ~3 MB each. The packages also carry
 * the bigger legacy+LSTM models in `4.0.0/`, which we never load. */
export const MODEL_VARIANT = '4.0.0_best_int';

/** Where `prepareLangDir` gathers the models unless told otherwise. Keyed by variant so a model
 * upgrade never mixes with files from an older one. */
export function defaultLangDir(): string {
  return path.join(os.tmpdir(), 'woo-ocr-tessdata', MODEL_VARIANT);
}

/** The `.traineddata.gz` of one language inside its `@tesseract.js-data/<lang>` npm package. */
export function modelFile(language: string): string {
  if (!/^[a-z_]+$/.test(language)) throw new Error(`invalid OCR language code: ${language}`);
  let pkgJson: string;
  try {
    pkgJson = require.resolve(`@tesseract.js-data/${language}/package.json`);
  } catch (cause) {
    throw new Error(`OCR language '${language}' is not installed: add the npm package @tesseract.js-data/${language}`, { cause });
  }
  return path.join(path.dirname(pkgJson), MODEL_VARIANT, `${language}.traineddata.gz`);
}

/**
 * Gathers the models of `languages` into one local directory and returns it, to be used as
 * tesseract.js `langPath`.
 *
 * Why a copy: tesseract.js 7.0.0 reads every language from the single `langPath` directory, while
 * the npm packages keep each language in its own directory; and its `{code, data}` language form,
 * which would avoid the directory, crashes the worker (initialize() joins `data` instead of `code`,
 * upstream naptha/tesseract.js#1052). A local path (not a URL) makes the worker read the file from
 * disk; it never fetches.
 */
export function prepareLangDir(languages: readonly string[], dir: string = defaultLangDir()): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const language of languages) {
    const src = modelFile(language);
    const dst = path.join(dir, `${language}.traineddata.gz`);
    if (fs.existsSync(dst) && fs.statSync(dst).size === fs.statSync(src).size) continue;
    // Copy then rename: test workers and pipeline processes may prepare the same dir at once, and
    // a reader must never see a half-written model.
    const tmp = `${dst}.${process.pid}.${Date.now()}.tmp`;
    fs.copyFileSync(src, tmp);
    fs.renameSync(tmp, dst);
  }
  return dir;
}
