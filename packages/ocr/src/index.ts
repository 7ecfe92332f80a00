export { createOcrEngine, type OcrEngine, type OcrEngineOptions, type OcrPageResult } from './engine.js';
export { createLazyOcrEngine, type OcrReader } from './lazy.js';
export { loadImagePages, sniffImageKind, DEFAULT_SCAN_DPI, type ImageKind, type PageImage } from './images.js';
export { lowConfidenceWords, LOW_CONFIDENCE } from './words.js';
export type { Rotation } from './orientation.js';
export { prepareLangDir, MODEL_VARIANT } from './langdata.js';
