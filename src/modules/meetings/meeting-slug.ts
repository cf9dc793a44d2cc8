/**
 * A meeting's address: its date and its body's slug, "2024-01-25-children-and-young-peoples-scrutiny-committee".
 * A second meeting of the same body on the same day gets "-2", then "-3", and so on.
 */
export function meetingSlug(date: string, bodySlug: string, taken: Iterable<string> = []): string {
  const base = `${date}-${bodySlug}`
  const used = new Set(taken)
  if (!used.has(base)) return base
  let n = 2
  while (used.has(`${base}-${n}`)) n++
  return `${base}-${n}`
}
