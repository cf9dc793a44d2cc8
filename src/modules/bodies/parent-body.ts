/**
 * Whether making `parentId` the parent of `bodyId` would put a body above itself: the parent is the
 * body, or the body is already among the parent's ancestors. `parentOf` maps each body's id to its
 * parent's (null at the top). A chain that loops already (it cannot, once this rule holds) stops
 * rather than runs for ever.
 */
export function makesParentCycle(bodyId: string, parentId: string, parentOf: ReadonlyMap<string, string | null>) {
  const seen = new Set<string>()
  for (let at: string | null = parentId; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
    if (at === bodyId) return true
    seen.add(at)
  }
  return false
}
