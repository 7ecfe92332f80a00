export { exportRedacted, DEFAULT_DPI, type ExportOptions, type ExportMethod, type ExportedPdf, type PageMethod } from './export.js';
export { readInputChecks, verifyExport, verifyAgainstReport, type VerificationReport, type ReportInput } from './verify.js';
