import contentDisposition from 'content-disposition'

/**
 * The file name for clients that read only `filename=`: printable ASCII, anything else '_'. The
 * package would keep Latin-1 letters there, which browsers read inconsistently; the exact name goes
 * in `filename*=` (RFC 6266, UTF-8 and percent-encoded), which every current browser prefers.
 */
const asciiFallback = (filename: string) => filename.replace(/[^\x20-\x7e]/g, '_')

/**
 * A Content-Disposition header value that downloads the file under `filename` (its base name: any
 * folders are dropped), whatever characters it has.
 */
export function attachment(filename: string): string {
  return contentDisposition(filename, { fallback: asciiFallback(filename) })
}

/** The same for a file the browser may show itself (a calendar feed), named should it be saved. */
export function inline(filename: string): string {
  return contentDisposition(filename, { type: 'inline', fallback: asciiFallback(filename) })
}
