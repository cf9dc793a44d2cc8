import { describe, expect, it } from 'vitest'
import { documentForViewer } from './document-view.ts'

const financial = {
  id: 'd1',
  decisionId: 'x',
  number: 2,
  label: 'Appendix 5a',
  title: 'Financial considerations',
  body: 'Cost plan and contractor rates',
  url: null,
  exemptParagraph: 3,
  exemptReason: 'Detailed costings',
  exemptReviewOn: '2025-01-25',
}

describe('documentForViewer', () => {
  it('gives those who may not read it the label, title and paragraph only', () => {
    const shown = documentForViewer(financial, 'ex48-2023', false)
    expect(shown).toEqual({
      id: 'd1',
      number: 2,
      label: 'Appendix 5a',
      title: 'Financial considerations',
      exempt: {
        paragraph: 3,
        label: 'Exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972',
        reason: null,
        reviewOn: null,
      },
      withheld: true,
      body: null,
      href: null,
    })
    expect(JSON.stringify(shown)).not.toContain('Cost plan')
    expect(JSON.stringify(shown)).not.toContain('Detailed costings')
  })

  it('gives staff the text, the reason and the review date', () => {
    const shown = documentForViewer(financial, 'ex48-2023', true)
    expect(shown).toMatchObject({
      withheld: false,
      body: 'Cost plan and contractor rates',
      href: '/decisions/ex48-2023/documents/2',
    })
    expect(shown.exempt).toMatchObject({ reason: 'Detailed costings', reviewOn: '2025-01-25' })
  })

  it('links a document kept elsewhere to where it is', () => {
    const link = {
      ...financial,
      body: '',
      url: 'https://example.org/a.pdf',
      exemptParagraph: null,
      exemptReason: null,
      exemptReviewOn: null,
    }
    expect(documentForViewer(link, 'ex48-2023', false)).toMatchObject({
      withheld: false,
      exempt: null,
      href: 'https://example.org/a.pdf',
    })
  })
})
