/**
 * Whether changing a meeting's venue from `before` to `after` is a change the public is told of:
 * a venue that was announced and is now another, or withdrawn. Naming the venue of a meeting that
 * had none yet is not a change.
 */
export function isVenueChange(before: string, after: string): boolean {
  return before.trim() !== '' && before.trim() !== after.trim()
}
