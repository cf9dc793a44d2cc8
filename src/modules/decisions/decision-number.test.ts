import { describe, expect, it } from 'vitest'
import { decisionReference, decisionSlug, partsFromText } from './decision-number.ts'

describe('decision references', () => {
  it.each([
    ['EX47/2023', 'EX47/2023', 'ex47-2023'],
    ['  FEB14/CAB/09 ', 'FEB14/CAB/09', 'feb14-cab-09'],
    ['Key  decision 2024/07', 'Key decision 2024/07', 'key-decision-2024-07'],
  ])('%j is kept as %j, at /decisions/%s', (typed, reference, slug) => {
    expect(decisionReference.parse(typed)).toBe(reference)
    expect(decisionSlug({ number: reference, decidedOn: '2024-03-05', title: 'Transport' })).toBe(slug)
  })

  it('takes none for a blank reference, and refuses a long one', () => {
    expect(decisionReference.parse('   ')).toBeNull()
    expect(decisionReference.parse(undefined)).toBeNull()
    expect(decisionReference.safeParse('x'.repeat(61)).success).toBe(false)
  })

  it('makes the address of a decision without a reference from its date and title', () => {
    expect(decisionSlug({ number: null, decidedOn: '2024-03-05', title: 'Home to school transport' })).toBe(
      '2024-03-05-home-to-school-transport',
    )
    expect(decisionSlug({ number: '—', decidedOn: '2024-03-05', title: 'Fees' })).toBe('2024-03-05-fees')
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
