/** CSV the way Dutch spreadsheet software opens it: UTF-8 with BOM, semicolon-separated, CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((fields) => fields.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // a leading =, +, - or @ would be run as a formula by spreadsheet software
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
