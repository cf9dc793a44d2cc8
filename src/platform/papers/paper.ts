/**
 * A paper as the council prints it — an agenda pack, printed minutes, a generated appendix — described
 * once, and rendered as a tagged PDF (`pdf.ts`) or an editable Word document (`docx.ts`). Modules build
 * papers from the live record; they never draw pages themselves.
 */

/** One column of a table: its heading, and its share of the width (relative to the others; 1 by default). */
export interface PaperColumn {
  heading: string
  width?: number
}

/** A line chart's series: one value per label, null where there is no figure (the line breaks there). */
export interface PaperSeries {
  name: string
  values: (number | null)[]
}

export type PaperBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'strong' | 'small' }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  /** A table with one header row; `caption` names it for screen readers and in Word. */
  | { kind: 'table'; caption: string; columns: PaperColumn[]; rows: string[][] }
  /** Label and value pairs, as a front sheet prints them ("Date", "Venue"…). */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  /**
   * A line chart, with its words for those who cannot see it. The data is always also given as a table
   * by the paper that draws it; Word gets the description, since an officer edits the table.
   */
  | { kind: 'chart'; title: string; alt: string; labels: string[]; series: PaperSeries[]; unit?: string }
  /** A PDF already made (an uploaded appendix), placed page by page; Word gets a line naming it. */
  | { kind: 'pdf'; title: string; content: Uint8Array }

/** A part of a paper: starts on a new page when asked; a bookmark when titled; parts within parts nest. */
export interface PaperSection {
  /** To find the page it starts on in the rendered PDF (an agenda's page numbers). */
  id?: string
  /** Its entry in the PDF's bookmarks. */
  bookmark?: string
  newPage?: boolean
  blocks: PaperBlock[]
  sections?: PaperSection[]
}

export interface Paper {
  /** The document's title, shown by readers instead of the file name. */
  title: string
  /** Who issued it: the council's name. */
  author: string
  /** Wide tables (a tracker, a dashboard) print across the page. */
  landscape?: boolean
  sections: PaperSection[]
}

/** Limits on what one paper may hold, whatever builds it: a 300-page pack is well inside them. */
export const PAPER_LIMITS = {
  maxPages: 2_000,
  /** Each PDF placed in a paper, as uploads are limited. */
  maxPlacedPdfBytes: 20 * 1024 * 1024,
}

export const PDF_MEDIA_TYPE = 'application/pdf'
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * A paper generated from the record (a tracker, a work programme): what a module's builder returns,
 * sent alone as a download or placed in an agenda pack as an appendix, whose author is the council.
 */
export interface GeneratedPaper {
  title: string
  landscape: boolean
  sections: PaperSection[]
}
