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
    expect(hitHref({ kind, meetingSlug: 'cyp-2024-01-25', itemPosition: 5, position: 2, slug: null })).toBe(href)
  })

  it('links a petition to its page', () => {
    const hit = {
      kind: 'petition',
      meetingSlug: null,
      itemPosition: null,
      position: null,
      slug: 'save-the-library',
    } as const
    expect(hitHref(hit)).toBe('/petitions/save-the-library')
  })

  it('links a document to its file', () => {
    const hit = { kind: 'document', id: 'f00d', meetingSlug: 'cyp-2024-01-25', itemPosition: 5, position: 1 } as const
    expect(hitHref({ ...hit, slug: null })).toBe('/documents/f00d')
  })

  it.each([
    ['body', { slug: 'cyp' }, '/bodies/cyp'],
    ['meeting', { meetingSlug: 'cyp-2024-01-25' }, '/meetings/cyp-2024-01-25'],
    ['recommendation', { id: 'r1' }, '/recommendations/r1'],
    ['recommendation-update', { id: 'u1', parentSlug: 'r1' }, '/recommendations/r1#updates'],
    ['decision', { slug: 'ex47-2023' }, '/decisions/ex47-2023'],
    ['forward-plan-item', { slug: '16-2023', parentSlug: '2024-01' }, '/forward-plan/2024-01/items/16-2023'],
    ['work-programme-item', { id: 'w1', parentSlug: 'cyp' }, '/bodies/cyp/work-programme/w1'],
    ['inspection', { slug: 'ilacs-2024' }, '/inspections/ilacs-2024'],
    ['finding', { id: 'f1', parentSlug: 'ilacs-2024' }, '/inspections/ilacs-2024#finding-f1'],
    ['action', { slug: '4.5', parentSlug: 'plan' }, '/improvement-plans/plan/actions/4.5'],
    ['milestone', { id: 'm1', slug: '4.5', parentSlug: 'plan' }, '/improvement-plans/plan/actions/4.5#milestone-m1'],
    ['indicator', { slug: 'OF3.1' }, '/outcomes/OF3.1'],
    ['health-service', { slug: 'camhs' }, '/waiting-lists/camhs'],
  ] as const)('links a %s to its page', (kind, address, href) => {
    const none = { meetingSlug: null, itemPosition: null, position: null, slug: null }
    expect(hitHref({ kind, ...none, ...address })).toBe(href)
  })

  it('keeps what the record is called inside its address', () => {
    expect(hitHref({ kind: 'decision', meetingSlug: null, itemPosition: null, position: null, slug: 'a/b?c' })).toBe(
      '/decisions/a%2Fb%3Fc',
    )
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
