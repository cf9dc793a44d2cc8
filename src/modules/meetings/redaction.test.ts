import { describe, expect, it } from 'vitest'
import { type AppendixRecord, agendaItemForViewer, appendixForViewer } from './redaction.ts'

const open = { exemptParagraph: null, exemptReason: null, exemptReviewOn: null }
const exempt = (paragraph: number) => ({
  exemptParagraph: paragraph,
  exemptReason: 'Names a child',
  exemptReviewOn: '2025-01-25',
})

const item = {
  id: 'item-1',
  number: '8',
  position: 8,
  title: 'Placement contract',
  purpose: 'Secret purpose',
  pageFrom: 63,
  pageTo: 112,
  urgent: true,
  urgentReason: 'Secret urgency: the provider’s offer ends',
  status: 'deferred' as const,
  statusReason: 'Secret deferral: awaiting the provider',
  toFollow: false,
  publicParticipation: false,
  noRequestsToSpeak: false,
  ...open,
}
const report = { agendaItemId: 'item-1', title: 'Secret report title', ...open }
const appendix: AppendixRecord = {
  id: 'appendix-1',
  label: 'Appendix 8(a)',
  title: 'Costs',
  body: 'Commercial figures',
  documentId: 'document-1',
  filename: 'costs.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 2048,
  ...open,
}

/** Every string anywhere in a value, to check that content has not slipped through. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []

describe('agendaItemForViewer', () => {
  it('shows an open item with its pages and report', () => {
    expect(agendaItemForViewer(item, report, false)).toMatchObject({
      withheld: false,
      purpose: 'Secret purpose',
      pages: 'Pages 63 to 112',
      report: { withheld: false, title: 'Secret report title', exempt: null },
    })
  })

  it('shows an exempt item to those who may not read it as its number, title and paragraph only', () => {
    const view = agendaItemForViewer({ ...item, ...exempt(3) }, report, false)
    expect(view).toMatchObject({ number: '8', position: 8, title: 'Placement contract', withheld: true, report: null })
    expect(view).toMatchObject({ urgent: true, status: 'deferred', urgentReason: null, statusReason: null })
    expect(strings(view).join(' ')).not.toContain('Secret')
    expect(strings(view)).not.toContain('Secret purpose')
    expect(strings(view)).not.toContain('Secret report title')
    expect(strings(view)).not.toContain('Names a child')
  })

  it('withholds an exempt report on an open item, and shows both to those who may read them', () => {
    expect(agendaItemForViewer(item, { ...report, ...exempt(1) }, false).report).toMatchObject({
      withheld: true,
      title: null,
    })
    const reader = agendaItemForViewer({ ...item, ...exempt(3) }, { ...report, ...exempt(1) }, true)
    expect(reader).toMatchObject({ withheld: false, purpose: 'Secret purpose', report: { withheld: false } })
  })
})

describe('appendixForViewer', () => {
  it.each([
    { name: 'an exempt appendix', own: exempt(3), parents: [open], mayRead: false, withheld: true },
    { name: 'an appendix to an exempt report', own: open, parents: [exempt(1)], mayRead: false, withheld: true },
    {
      name: 'an exempt appendix, to one who may read it',
      own: exempt(3),
      parents: [open],
      mayRead: true,
      withheld: false,
    },
    { name: 'an open appendix', own: open, parents: [open], mayRead: false, withheld: false },
  ])('$name is withheld: $withheld', ({ own, parents, mayRead, withheld }) => {
    const view = appendixForViewer({ ...appendix, ...own }, parents, mayRead)
    expect(view.withheld).toBe(withheld)
    expect(view.label).toBe('Appendix 8(a)')
    expect(strings(view).includes('Commercial figures')).toBe(!withheld)
    expect(strings(view).includes('document-1')).toBe(!withheld)
  })

  it('describes the file like a GOV.UK attachment', () => {
    expect(appendixForViewer(appendix, [], false).document).toEqual({
      id: 'document-1',
      filename: 'costs.pdf',
      description: 'PDF, 2 KB',
    })
  })
})
