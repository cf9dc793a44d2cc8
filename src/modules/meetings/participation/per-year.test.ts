import { describe, expect, it } from 'vitest'
import { municipalYearOf } from '#src/platform/rules/municipal-year.ts'
import { participationPerYear } from './per-year.ts'

const fromMay = (date: string) => municipalYearOf(date, 5)

describe('participationPerYear', () => {
  it('adds up each municipal year, the latest first, across the May boundary', () => {
    const days = [
      { date: '2023-04-20', questions: 2, motions: 1 },
      { date: '2023-04-27', petitions: 1 },
      { date: '2023-05-18', questions: 1 },
      { date: '2024-01-25', questions: 3, motions: 2 },
      { date: '2024-02-01', petitions: 1 },
    ]
    expect(participationPerYear(days, fromMay)).toEqual([
      { year: '2023/24', questions: 4, petitions: 1, motions: 2 },
      { year: '2022/23', questions: 2, petitions: 1, motions: 1 },
    ])
  })

  it('counts the calendar year when the year starts in January', () => {
    const days = [
      { date: '2023-04-20', questions: 2 },
      { date: '2023-05-18', questions: 1 },
    ]
    expect(participationPerYear(days, (date) => municipalYearOf(date, 1))).toEqual([
      { year: '2023', questions: 3, petitions: 0, motions: 0 },
    ])
  })

  it('leaves out years with nothing, and gives nothing for no days', () => {
    expect(participationPerYear([{ date: '2023-06-01', questions: 0 }], fromMay)).toEqual([])
    expect(participationPerYear([], fromMay)).toEqual([])
  })
})
