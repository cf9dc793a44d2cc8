import { describe, expect, it } from 'vitest'
import { backupWarning } from './backup-warning.ts'

const NOW = new Date('2024-06-15T12:00:00Z')
const ago = (hours: number) => new Date(NOW.getTime() - hours * 60 * 60 * 1000)

describe('backupWarning', () => {
  it.each([
    { case: 'none taken', newest: undefined, warnDays: 7, warning: { kind: 'never' } },
    { case: 'taken an hour ago', newest: ago(1), warnDays: 7, warning: null },
    { case: 'six days and 23 hours ago', newest: ago(7 * 24 - 1), warnDays: 7, warning: null },
    { case: 'exactly a week ago', newest: ago(7 * 24), warnDays: 7, warning: { kind: 'overdue', days: 7 } },
    { case: 'ten and a half days ago', newest: ago(10 * 24 + 12), warnDays: 7, warning: { kind: 'overdue', days: 10 } },
    {
      case: 'two days ago, with a one-day setting',
      newest: ago(48),
      warnDays: 1,
      warning: { kind: 'overdue', days: 2 },
    },
    { case: 'twenty days ago, with a thirty-day setting', newest: ago(20 * 24), warnDays: 30, warning: null },
  ])('$case', ({ newest, warnDays, warning }) => {
    expect(backupWarning(newest, NOW, warnDays)).toEqual(warning)
  })
})
