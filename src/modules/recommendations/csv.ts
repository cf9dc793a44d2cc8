/**
 * A small RFC 4180 CSV encoder: every field quoted, quotes doubled, CRLF between rows. A field
 * that a spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) gets a
 * leading apostrophe, so an exported tracker cannot carry a formula into someone's Excel (OWASP).
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

export function toCsv(rows: (string | number | boolean | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}
