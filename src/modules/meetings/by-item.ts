/**
 * Records of a meeting split as its pages show them: those of the meeting as a whole, and those under
 * each of its agenda items (an empty list for an item with none).
 */
export function byItem<T extends { agendaItemId: string | null }>(rows: T[], items: { id: string }[]) {
  return {
    ofMeeting: rows.filter((row) => row.agendaItemId === null),
    ofItem: Object.fromEntries(items.map((item) => [item.id, rows.filter((row) => row.agendaItemId === item.id)])),
  }
}
