import { describe, expect, it } from 'vitest'
import { type ValueForm, unitProblems, valueSchema } from './schema.ts'

const blank = {
  target: '',
  aspiration: '',
  actual: '',
  count: '',
  note: '',
  england: '',
  region: '',
  statisticalNeighbours: '',
  benchmarkSource: '',
}
const parsed = (fields: Partial<typeof blank>) => valueSchema.safeParse({ ...blank, ...fields })
const messages = (fields: Partial<typeof blank>) =>
  parsed(fields).error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`) ?? []

describe('a figure, as the form and an import file give it', () => {
  it.each([
    ['422', 422],
    ['1,008', 1008],
    ['14.5', 14.5],
    ['43%', 43],
    ['43 %', 43],
    ['422/10,000', 422],
    ['999,999,999', 999_999_999],
    ['', null],
  ])('%j is %j', (actual, expected) => {
    expect(parsed({ actual }).data?.actual).toBe(expected)
  })

  it.each([
    ['about 400', 'actual: Actual must be a number, like 422 or 14.5'],
    ['1.2.3', 'actual: Actual must be a number, like 422 or 14.5'],
    ['10,00', 'actual: Actual must be a number, like 422 or 14.5'],
    ['-4', 'actual: Actual cannot be negative'],
    ['1,000,000,000', 'actual: Actual must be less than 1,000,000,000'],
  ])('%j is refused', (actual, message) => {
    expect(messages({ actual })).toEqual([message])
  })

  it('takes a count as a whole number only, and not with an actual', () => {
    expect(parsed({ count: '1,200' }).data?.count).toBe(1200)
    expect(messages({ count: '12.5' })).toEqual(['count: Count must be a whole number, like 1,200'])
    expect(messages({ count: '-3' })).toEqual(['count: Count cannot be negative'])
    expect(messages({ count: '12', actual: '4' })).toEqual([
      'count: Give the actual or a count to work it out from, not both',
    ])
  })

  it('names every problem at once, the rules between fields too', () => {
    expect(messages({ target: '400', aspiration: 'Decrease', actual: 'lots', note: 'x'.repeat(2_001) })).toEqual([
      'actual: Actual must be a number, like 422 or 14.5',
      'note: Must be 2,000 characters or fewer',
      'aspiration: Give a target or an aspiration, not both',
    ])
    expect(messages({ aspiration: 'upwards' })).toEqual([
      'aspiration: Aspiration must be increase, decrease or maintain',
    ])
  })
})

describe('what an indicator’s unit allows', () => {
  const figures = (value: Partial<ValueForm>) => value
  it.each([
    ['percentage', figures({ actual: 100, target: 0 }), []],
    ['percentage', figures({ actual: 100.5, england: 140 }), ['actual', 'england']],
    ['count', figures({ actual: 12, region: 1008 }), []],
    ['count', figures({ actual: 12.5 }), ['actual']],
    ['rate per 10000', figures({ actual: 12_000.5, count: 1200 }), []],
    ['score', figures({ count: 3 }), ['count']],
    ['weeks', figures({ actual: null, target: undefined }), []],
  ] as const)('a %s: %j', (unit, value, fields) => {
    expect(unitProblems(unit, value).map((problem) => problem.field)).toEqual(fields)
  })

  it('says why in the words of the form', () => {
    expect(unitProblems('percentage', { actual: 140 })).toEqual([
      { field: 'actual', message: 'Actual must be a percentage from 0 to 100, like 43' },
    ])
    expect(unitProblems('count', { target: 2.5 })).toEqual([
      { field: 'target', message: 'Target must be a whole number, like 1,200' },
    ])
    expect(unitProblems('percentage', { count: 3 })).toEqual([
      { field: 'count', message: 'Count is only for rates per 10,000' },
    ])
  })
})
