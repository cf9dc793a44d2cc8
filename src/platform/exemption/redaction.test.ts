import { describe, expect, it } from 'vitest'
import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { assertNotWithheld, exemptionOf, governingExemption, isWithheld, redact } from './redaction.ts'

const open: ExemptColumns = { exemptParagraph: null, exemptReason: null, exemptReviewOn: null }
const exempt = (paragraph: number): ExemptColumns => ({
  exemptParagraph: paragraph,
  exemptReason: 'Names a child',
  exemptReviewOn: '2025-01-25',
})

describe('isWithheld and governingExemption', () => {
  it.each([
    { chain: [open, open], mayRead: false, withheld: false, paragraph: null },
    { chain: [exempt(3), open], mayRead: false, withheld: true, paragraph: 3 },
    { chain: [open, exempt(1)], mayRead: false, withheld: true, paragraph: 1 },
    { chain: [exempt(3), exempt(1)], mayRead: true, withheld: false, paragraph: 3 },
  ])(
    'a chain exempt under $paragraph is withheld: $withheld (may read: $mayRead)',
    ({ chain, mayRead, withheld, paragraph }) => {
      expect(isWithheld(chain, mayRead)).toBe(withheld)
      expect(governingExemption(chain, mayRead)?.paragraph ?? null).toBe(paragraph)
    },
  )

  it('gives the reason and review date only to those who may read', () => {
    expect(governingExemption([exempt(1)], false)).toEqual({
      paragraph: 1,
      label: 'Exempt under paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972',
      reason: null,
      reviewOn: null,
    })
    expect(governingExemption([exempt(1)], true)).toMatchObject({ reason: 'Names a child', reviewOn: '2025-01-25' })
    expect(exemptionOf(open, true)).toBeNull()
  })
})

describe('assertNotWithheld', () => {
  it('answers withheld material exactly as a missing record, and lets everything else through', () => {
    expect(() => assertNotWithheld([open, exempt(3)], false, 'Report')).toThrow(new NotFoundError('Report'))
    expect(() => assertNotWithheld([open, exempt(3)], false, 'Report')).toThrow(NotFoundError)
    expect(() => assertNotWithheld([exempt(3)], true, 'Report')).not.toThrow()
    expect(() => assertNotWithheld([open], false, 'Report')).not.toThrow()
  })
})

describe('redact', () => {
  const document = (columns: ExemptColumns) => ({ title: 'Costs', body: 'Commercial figures', ...columns })
  const view = (record: ReturnType<typeof document>, mayRead: boolean, parents: ExemptColumns[] = []) =>
    redact([record, ...parents], mayRead, {
      shown: { title: record.title },
      withheldAs: { body: null },
      content: () => ({ body: record.body }),
    })

  it('shows an open record whole to everyone', () => {
    expect(view(document(open), false)).toEqual({
      title: 'Costs',
      exempt: null,
      withheld: false,
      body: 'Commercial figures',
    })
  })

  it('gives the public the title and paragraph of an exempt record, and nothing of its content or reasons', () => {
    const shown = view(document(exempt(3)), false)
    expect(shown).toEqual({
      title: 'Costs',
      exempt: {
        paragraph: 3,
        label: 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972',
        reason: null,
        reviewOn: null,
      },
      withheld: true,
      body: null,
    })
  })

  it('withholds a record inside an exempt parent, under the parent’s paragraph', () => {
    expect(view(document(open), false, [exempt(1)])).toMatchObject({
      withheld: true,
      body: null,
      exempt: { paragraph: 1 },
    })
  })

  it('shows an exempt record to those who may read it, marked with its paragraph, reason and review date', () => {
    expect(view(document(exempt(3)), true)).toEqual({
      title: 'Costs',
      exempt: {
        paragraph: 3,
        label: 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972',
        reason: 'Names a child',
        reviewOn: '2025-01-25',
      },
      withheld: false,
      body: 'Commercial figures',
    })
  })

  it('never reads the content of a withheld record', () => {
    let read = false
    redact([exempt(2)], false, {
      shown: {},
      withheldAs: { body: null },
      content: () => {
        read = true
        return { body: 'secret' }
      },
    })
    expect(read).toBe(false)
  })
})
