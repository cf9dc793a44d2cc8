import { describe, expect, it } from 'vitest'
import { type ChairCandidate, chairProblem } from './chair.ts'

const attendance = [
  { id: 'flanagan', name: 'Councillor Flanagan', chaired: true },
  { id: 'jones', name: 'Councillor Jones', chaired: false },
]

describe('chairProblem: one chair, who is present', () => {
  it.each<[string, typeof attendance, ChairCandidate, string | null]>([
    ['allows anyone who is not chairing', attendance, { chaired: false, status: 'apologies' }, null],
    ['allows the first chair', [attendance[1]], { chaired: true, status: 'present' }, null],
    ['allows the chair to be changed in place', attendance, { id: 'flanagan', chaired: true, status: 'present' }, null],
    [
      'refuses a second chair',
      attendance,
      { id: 'jones', chaired: true, status: 'present' },
      'Councillor Flanagan is already recorded as chairing this meeting. Change their entry first',
    ],
    [
      'refuses a new second chair',
      attendance,
      { chaired: true, status: 'present' },
      'Councillor Flanagan is already recorded as chairing this meeting. Change their entry first',
    ],
    [
      'refuses a chair who sent apologies',
      [],
      { chaired: true, status: 'apologies' },
      'Only someone recorded as present can chair the meeting',
    ],
    [
      'refuses a chair who was only in attendance',
      [],
      { chaired: true, status: 'in attendance' },
      'Only someone recorded as present can chair the meeting',
    ],
  ])('%s', (_name, rows, change, expected) => {
    expect(chairProblem(rows, change)).toBe(expected)
  })
})
