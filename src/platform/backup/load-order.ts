/**
 * The tables in an order that loads without breaking a foreign key: each after every table it
 * refers to, and by name where the references leave a choice (so two backups of one database list
 * their tables alike). Rows are loaded with the constraints on, because a server's role may not
 * switch them off; so a table that refers to itself, or tables that refer to each other in a
 * circle, cannot be ordered, and are refused by name rather than loaded half-way.
 */
export function loadOrder(tables: { name: string; references: string[] }[]): string[] {
  const known = new Set(tables.map((table) => table.name))
  const waitingOn = new Map(
    tables.map((table) => [table.name, new Set(table.references.filter((name) => known.has(name)))]),
  )
  const selfReferring = [...waitingOn].filter(([name, references]) => references.has(name)).map(([name]) => name)
  if (selfReferring.length) {
    throw new Error(
      `The table ${selfReferring.join(', ')} refers to itself, which the backup cannot order its rows for`,
    )
  }
  const order: string[] = []
  while (waitingOn.size) {
    const ready = [...waitingOn]
      .filter(([, references]) => references.size === 0)
      .map(([name]) => name)
      .sort()
    if (!ready.length) {
      throw new Error(`The tables ${[...waitingOn.keys()].sort().join(', ')} refer to each other in a circle`)
    }
    for (const name of ready) {
      order.push(name)
      waitingOn.delete(name)
      for (const references of waitingOn.values()) references.delete(name)
    }
  }
  return order
}
