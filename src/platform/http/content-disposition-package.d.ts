// The content-disposition package (v1) ships no types of its own; this is the part of its API the
// app and its tests use (platform/http/content-disposition.ts). @types/content-disposition would replace it.
declare module 'content-disposition' {
  function contentDisposition(filename?: string, options?: { type?: string; fallback?: string | boolean }): string
  namespace contentDisposition {
    /** Reads a header: its type, and its parameters with filename* decoded into filename. */
    function parse(header: string): { type: string; parameters: Record<string, string> }
  }
  export = contentDisposition
}
