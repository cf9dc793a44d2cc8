/** Where an agenda item's papers sit in the agenda pack: "Pages 63 to 112", "Page 5", or nothing. */
export function pageRangeLabel(from: number | null, to: number | null): string {
  if (from === null) return ''
  if (to === null || to === from) return `Page ${from}`
  return `Pages ${from} to ${to}`
}

/** Why a page range is wrong, as a GOV.UK error for the "last page" field, or null when it is fine. */
export function pageRangeProblem(from: number | null, to: number | null): string | null {
  if (to !== null && from === null) return 'Enter the first page'
  if (from !== null && to !== null && to < from) return 'Last page must be the same as or after the first page'
  return null
}
