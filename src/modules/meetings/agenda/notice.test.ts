import { describe, expect, it } from 'vitest'
import { agendaNotice } from './notice.ts'

describe('agendaNotice', () => {
  it.each<[string, string, number, number, boolean, string]>([
    // published, meeting, notice, clear days, late, why
    ['2024-01-16', '2024-01-25', 5, 6, false, 'the 25 January 2024 agenda, dispatched on the 16th'],
    ['2024-01-17', '2024-01-25', 5, 5, false, 'exactly five clear working days'],
    ['2024-01-18', '2024-01-25', 5, 4, true, 'one short'],
    ['2024-01-18', '2024-01-25', 3, 4, false, 'a council with three days’ notice'],
    ['2024-03-22', '2024-04-03', 5, 5, false, 'Friday for the Wednesday after Easter: 25 to 28 March and 2 April'],
    ['2024-03-25', '2024-04-03', 5, 4, true, 'Monday: Good Friday and Easter Monday are not working days'],
    ['2024-01-26', '2024-01-25', 5, 0, true, 'after the meeting'],
  ])('%s for %s with %i days’ notice: %i clear, late %s (%s)', (from, meeting, notice, clear, late) => {
    expect(agendaNotice(from, meeting, notice)).toEqual({ clearDays: clear, noticeDays: notice, late })
  })
})
