export { convertStage } from './convert.js';
export { convertLimits, type ConvertLimits } from './limits.js';
export type { ConvertedPart, ConvertFailure, SourceKind } from './parts.js';
