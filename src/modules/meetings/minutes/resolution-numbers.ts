/** Resolutions under an agenda item are numbered 1, 2, 3… in the order the committee agreed them. */

/** Numbers the list 1..n in its current order. */
export function renumber<T extends { id: string }>(resolutions: T[]): (T & { number: number })[] {
  return resolutions.map((resolution, index) => ({ ...resolution, number: index + 1 }))
}

/** Moves one resolution to `position` (1-based, kept within the list) and renumbers them all. */
export function moveResolution<T extends { id: string }>(resolutions: T[], id: string, position: number) {
  const moving = resolutions.find((resolution) => resolution.id === id)
  if (!moving) return renumber(resolutions)
  const rest = resolutions.filter((resolution) => resolution.id !== id)
  const at = Math.min(Math.max(Math.trunc(position) - 1, 0), rest.length)
  return renumber([...rest.slice(0, at), moving, ...rest.slice(at)])
}

/** Removes one resolution and closes the gap it leaves. */
export function withoutResolution<T extends { id: string }>(resolutions: T[], id: string) {
  return renumber(resolutions.filter((resolution) => resolution.id !== id))
}
