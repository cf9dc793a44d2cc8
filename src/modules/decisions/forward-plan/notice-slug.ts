/**
 * A notice's address: the month it starts ("2024-01"), then "2024-01-2", "2024-01-3"… for a
 * supplementary or general exception notice of the same month. Given once, when the notice is
 * added, so that a link to it keeps working when its dates are corrected.
 */
export function noticeSlug(periodFrom: string, taken: readonly string[]): string {
  const month = periodFrom.slice(0, 7)
  if (!taken.includes(month)) return month
  let n = 2
  while (taken.includes(`${month}-${n}`)) n += 1
  return `${month}-${n}`
}
