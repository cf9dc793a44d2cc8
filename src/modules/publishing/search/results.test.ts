import { describe, expect, it } from 'vitest'
import { hitHref, resultCount } from './results.ts'

describe('hitHref', () => {
  it.each([
    ['item', '/meetings/cyp-2024-01-25#item-5'],
    ['report', '/meetings/cyp-2024-01-25/items/5/report'],
    ['resolution', '/meetings/cyp-2024-01-25/minutes#item-5'],
    ['question', '/meetings/cyp-2024-01-25#question-2'],
    ['motion', '/meetings/cyp-2024-01-25#motion-2'],
  ] as const)('links a %s to where it is read', (kind, href) => {
    expect(hitHref({ kind, meetingSlug: 'cyp-2024-01-25', itemPosition: 5, position: 2, petitionSlug: null })).toBe(
      href,
    )
  })

  it('links a petition to its page', () => {
    const hit = {
      kind: 'petition',
      meetingSlug: null,
      itemPosition: null,
      position: null,
      petitionSlug: 'save-the-library',
    } as const
    expect(hitHref(hit)).toBe('/petitions/save-the-library')
  })

  it('links a document to its file', () => {
    const hit = { kind: 'document', id: 'f00d', meetingSlug: 'cyp-2024-01-25', itemPosition: 5, position: 1 } as const
    expect(hitHref({ ...hit, petitionSlug: null })).toBe('/documents/f00d')
  })
})

describe('resultCount', () => {
  it.each([
    [0, '0 results'],
    [1, '1 result'],
    [3, '3 results'],
    [1200, '1,200 results'],
  ])('%i → %s', (total, words) => {
    expect(resultCount(total)).toBe(words)
  })
})
