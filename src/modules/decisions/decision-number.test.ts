import { describe, expect, it } from 'vitest'
import { DECISION_NUMBER, decisionSlug, normaliseDecisionNumber, partsFromText } from './decision-number.ts'

describe('decision numbers', () => {
  it.each([
    ['EX47/2023', 'EX47/2023', 'ex47-2023'],
    [' ex 48/2023 ', 'EX48/2023', 'ex48-2023'],
    ['PH12/2024', 'PH12/2024', 'ph12-2024'],
  ])('%j → %s at /decisions/%s', (typed, number, slug) => {
    expect(DECISION_NUMBER.test(typed.trim())).toBe(true)
    expect(normaliseDecisionNumber(typed)).toBe(number)
    expect(decisionSlug(typed)).toBe(slug)
  })

  it.each(['47/2023', 'EX47', 'EX47/23', 'EX-47/2023', 'EX47/2023/1'])('refuses %j', (typed) => {
    expect(DECISION_NUMBER.test(typed)).toBe(false)
  })
})

describe('partsFromText', () => {
  it('takes one part per line, dropping blank lines and typed numbers', () => {
    expect(
      partsFromText('1. To agree the appendix.\r\n\r\n2) To approve the development.\n  To approve the budget.  '),
    ).toEqual(['To agree the appendix.', 'To approve the development.', 'To approve the budget.'])
  })

  it('keeps a number that is part of the sentence', () => {
    expect(partsFromText('2024 budget of £1.99 million')).toEqual(['2024 budget of £1.99 million'])
  })
})
