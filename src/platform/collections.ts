/**
 * `items` by `key`, each group in the order of `items`: to look rows up by their parent's id in one
 * pass rather than filtering the whole list once for every parent.
 */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group) group.push(item)
    else groups.set(k, [item])
  }
  return groups
}
