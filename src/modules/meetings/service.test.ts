import { describe, expect, it } from 'vitest'
import { splitByDate } from './service.ts'

describe('splitByDate', () => {
  const meetings = [{ date: '2023-11-09' }, { date: '2024-03-27' }, { date: '2024-01-22' }, { date: '2023-09-21' }]

  it('counts a meeting today as upcoming, soonest first; past ones latest first', () => {
    const { upcoming, past } = splitByDate(meetings, '2024-01-22')
    expect(upcoming.map((m) => m.date)).toEqual(['2024-01-22', '2024-03-27'])
    expect(past.map((m) => m.date)).toEqual(['2023-11-09', '2023-09-21'])
  })
})
