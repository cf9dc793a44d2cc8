import { describe, expect, it } from 'vitest'
import {
  SCHEDULE_12A_PARAGRAPHS,
  exemptLabel,
  exemptNotice,
  isExempt,
  isSchedule12AParagraph,
  paragraphItems,
} from './schedule-12a.ts'

describe('Schedule 12A paragraphs', () => {
  it('are paragraphs 1 to 7 of Part 1, each with what it covers', () => {
    expect(Object.keys(SCHEDULE_12A_PARAGRAPHS)).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(SCHEDULE_12A_PARAGRAPHS[1]).toBe('Information relating to any individual')
  })

  it.each([
    [1, true],
    [7, true],
    [0, false],
    [8, false],
    [3.5, false],
    ['3', false],
  ])('%s is a paragraph: %s', (value, expected) => {
    expect(isSchedule12AParagraph(value)).toBe(expected)
  })

  it('is exempt only when a paragraph is set', () => {
    expect(isExempt({ exemptParagraph: 3 })).toBe(true)
    expect(isExempt({ exemptParagraph: null })).toBe(false)
  })

  it('names the paragraph of Schedule 12A', () => {
    expect(exemptLabel(3)).toBe('Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972')
    expect(exemptNotice({ exemptParagraph: 3 })).toEqual({ paragraph: 3, label: exemptLabel(3) })
    expect(exemptNotice({ exemptParagraph: null })).toBeNull()
  })

  it('offers the seven paragraphs in a select, with the saved one chosen', () => {
    const items = paragraphItems(5)
    expect(items).toHaveLength(8)
    expect(items[0]).toEqual({ value: '', text: 'Select a paragraph' })
    expect(items.filter((item) => 'selected' in item && item.selected).map((item) => item.value)).toEqual(['5'])
    expect(items[5]?.text).toBe(
      'Paragraph 5: Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
    )
    expect(paragraphItems('').some((item) => 'selected' in item && item.selected)).toBe(false)
  })
})
