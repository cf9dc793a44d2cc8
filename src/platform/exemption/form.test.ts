import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseForm } from '#src/platform/forms/errors.ts'
import { EXEMPT_FIELD_IDS, exemptValues, exemptionFields, exemptionOfAnswers, paragraphNeeded } from './form.ts'

const schema = z
  .object({ title: z.string(), ...exemptionFields('Select yes if it contains exempt information') })
  .superRefine(paragraphNeeded, { when: () => true })
  .transform(exemptionOfAnswers)

const parse = (body: Record<string, string | undefined>) =>
  parseForm(schema, { title: 'Placement review', ...body }, EXEMPT_FIELD_IDS)

describe('the exemption questions', () => {
  it('keep the paragraph, reason and review date of an exempt record', () => {
    const parsed = parse({ exempt: 'yes', exemptParagraph: '3', exemptReason: 'Costs', exemptReviewOn: '2025-01-25' })
    expect(parsed).toMatchObject({
      ok: true,
      value: { title: 'Placement review', exemptParagraph: 3, exemptReason: 'Costs', exemptReviewOn: '2025-01-25' },
    })
    expect(parsed.ok && 'exempt' in parsed.value).toBe(false)
  })

  it('clear the paragraph, reason and review date when the answer is no', () => {
    expect(
      parse({ exempt: 'no', exemptParagraph: '3', exemptReason: 'Costs', exemptReviewOn: '2025-01-25' }),
    ).toMatchObject({ ok: true, value: { exemptParagraph: null, exemptReason: null, exemptReviewOn: null } })
  })

  it.each([
    { answers: {}, field: 'exempt', message: 'Select yes if it contains exempt information' },
    {
      answers: { exempt: 'yes' },
      field: 'exemptParagraph',
      message: 'Select the paragraph of Schedule 12A that applies',
    },
    {
      answers: { exempt: 'yes', exemptParagraph: '8' },
      field: 'exemptParagraph',
      message: 'Select the paragraph of Schedule 12A that applies',
    },
    {
      answers: { exempt: 'yes', exemptParagraph: '0' },
      field: 'exemptParagraph',
      message: 'Select the paragraph of Schedule 12A that applies',
    },
    {
      answers: { exempt: 'yes', exemptParagraph: '2', exemptReviewOn: '2025-02-30' },
      field: 'exemptReviewOn',
      message: 'Review date must be a real date',
    },
  ])('say "$message" for $answers', ({ answers, field, message }) => {
    const parsed = parse(answers)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors[field]).toEqual({ text: message })
  })

  it('link the review date’s error to its day field', () => {
    const parsed = parse({ exempt: 'yes', exemptParagraph: '2', exemptReviewOn: 'soon' })
    expect(!parsed.ok && parsed.errorSummary).toEqual([
      { text: 'Review date must be a real date', href: '#exemptReviewOn-day' },
    ])
  })

  it('show a record’s exemption as the form’s answers', () => {
    expect(exemptValues({ exemptParagraph: 1, exemptReason: 'Names a child', exemptReviewOn: '2025-01-05' })).toEqual({
      exempt: 'yes',
      exemptParagraph: 1,
      exemptReason: 'Names a child',
      'exemptReviewOn-day': '5',
      'exemptReviewOn-month': '1',
      'exemptReviewOn-year': '2025',
    })
    expect(exemptValues({ exemptParagraph: null, exemptReason: null, exemptReviewOn: null })).toMatchObject({
      exempt: 'no',
      exemptParagraph: '',
    })
    expect(exemptValues(null)).toEqual({})
  })
})
