export { exportRedacted, DEFAULT_DPI, type ExportOptions } from './export.js';
export { verifyExport, verifyAgainstReport, type VerificationReport, type ReportInput } from './verify.js';
