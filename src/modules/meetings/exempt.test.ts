import { describe, expect, it } from 'vitest'
import { exemptLabel, isExempt, mayReadExempt } from './exempt.ts'

describe('exempt material', () => {
  it('is exempt only when a paragraph is set', () => {
    expect(isExempt({ exemptParagraph: 3 })).toBe(true)
    expect(isExempt({ exemptParagraph: null })).toBe(false)
  })

  it('names the paragraph of Schedule 12A', () => {
    expect(exemptLabel(3)).toBe('Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972')
  })

  it('is readable by staff for every body, by members for their own bodies, by the public never', () => {
    expect(mayReadExempt(null, 'body-a')).toBe(true)
    expect(mayReadExempt(['body-a'], 'body-a')).toBe(true)
    expect(mayReadExempt(['body-b'], 'body-a')).toBe(false)
    expect(mayReadExempt([], 'body-a')).toBe(false)
  })
})
