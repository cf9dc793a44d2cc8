import { PDFDocument, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { readPdf } from '../../../../test/support/papers.ts'
import type { AgendaItemRecord } from '../redaction.ts'
import { DEFAULT_REPORT_TEMPLATE } from '../reports/template.ts'
import { type PackAppendix, type PackInput, type PackItem, itemPageRanges, renderAgendaPack } from './pack.ts'

async function uploadedPdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (const words of pages) doc.addPage([595, 842]).drawText(words, { x: 72, y: 760, size: 14, font })
  return doc.save()
}

const notExempt = { exemptParagraph: null, exemptReason: null, exemptReviewOn: null }
const longText = Array.from({ length: 30 }, (_, n) => `Paragraph ${n + 1} of the background, at some length.`)
  .map((line) => `${line} ${line} ${line}`)
  .join('\n\n')

function item(position: number, title: string, exemptParagraph: number | null = null): AgendaItemRecord {
  return {
    ...notExempt,
    exemptParagraph,
    exemptReason: exemptParagraph ? 'Names a child' : null,
    id: `item-id-${position}`,
    number: String(position),
    position,
    title,
    purpose: '',
    urgent: false,
    urgentReason: '',
    status: 'listed',
    statusReason: '',
    toFollow: false,
    publicParticipation: false,
    noRequestsToSpeak: false,
    pageFrom: null,
    pageTo: null,
  }
}

function report(of: AgendaItemRecord, title: string, background: string, exemptParagraph: number | null = null) {
  return {
    ...notExempt,
    exemptParagraph,
    agendaItemId: of.id,
    title,
    reportTo: 'Children and Young People’s Scrutiny Committee',
    relevantOfficer: 'Director of Children’s Services',
    meetingDate: '2024-01-25',
    purpose: 'To update the committee.',
    recommendations: ['To note the report.'],
    reasons: '',
    contraryToPlan: null,
    withinBudget: null,
    alternativeOptions: '',
    councilPriorities: '',
    background,
    financial: '',
    legal: '',
    humanResources: '',
    risk: '',
    equalities: '',
    sustainability: '',
    consultation: '',
    backgroundPapers: '',
  }
}

function appendix(id: string, label: string, title: string, extra: Partial<PackAppendix> = {}): PackAppendix {
  return {
    ...notExempt,
    id,
    label,
    title,
    body: '',
    documentId: null,
    filename: null,
    mediaType: null,
    sizeBytes: null,
    pdf: null,
    ...extra,
  }
}

async function sampleInput(): Promise<PackInput> {
  const apologies = item(1, 'Apologies')
  const fostering = item(2, 'Fostering update')
  const child = item(3, 'A child’s placement', 3)
  const plan = item(4, 'Improvement plan')
  const placed = await uploadedPdf(['Placed appendix page one', 'Placed appendix page two'])
  const secret = await uploadedPdf(['Wombatsecret figures'])
  const items: PackItem[] = [
    { item: apologies, report: null, appendices: [] },
    {
      item: fostering,
      report: report(fostering, 'Fostering report', longText),
      appendices: [
        appendix('a1', 'Appendix 2(a)', 'Placements', {
          documentId: 'd1',
          filename: 'placements.pdf',
          mediaType: 'application/pdf',
          sizeBytes: placed.byteLength,
          pdf: placed,
        }),
        appendix('a2', 'Appendix 2(b)', 'Named carers', {
          body: 'Quollsecret carer names',
          documentId: 'd2',
          filename: 'carers.pdf',
          mediaType: 'application/pdf',
          sizeBytes: secret.byteLength,
          pdf: secret,
          exemptParagraph: 1,
          exemptReason: 'Names carers',
        }),
        appendix('a3', 'Appendix 2(c)', 'Budget', {
          documentId: 'd3',
          filename: 'budget.xlsx',
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          sizeBytes: 14_000,
        }),
      ],
    },
    {
      item: child,
      report: report(child, 'Numbatsecret placement report', 'Numbatsecret details'),
      appendices: [appendix('a4', 'Appendix 3(a)', 'Numbatsecret appendix', { body: 'Numbatsecret words' })],
    },
    { item: plan, report: report(plan, 'Improvement plan report', longText), appendices: [] },
  ]
  return {
    councilName: 'Blackpool Council',
    meeting: {
      bodyName: 'Children and Young People’s Scrutiny Committee',
      date: '2024-01-25',
      startTime: '18:00',
      endTime: null,
      venue: 'Committee Room A, Town Hall',
      contact: 'Democratic Governance, 01253 477212',
      webcastUrl: null,
    },
    members: ['Councillor Jane Smith (Chair)', 'Councillor Ali Khan'],
    draft: false,
    items,
    template: DEFAULT_REPORT_TEMPLATE,
  }
}

describe('the agenda pack', () => {
  it('gives each item the page its papers start on, as the rendered pack has them', async () => {
    const rendered = await renderAgendaPack(await sampleInput())
    const read = await readPdf(rendered.content)
    const agenda = read.pages[1]
    const pageOf = (title: string) => Number(new RegExp(`${title}.*?Page (\\d+)`, 's').exec(agenda)?.[1])
    for (const [title, heading] of [
      ['Fostering update', '2. Fostering update'],
      ['A child’s placement', '3. A child’s placement'],
      ['Improvement plan', '4. Improvement plan'],
    ]) {
      const page = pageOf(title)
      expect(page, title).toBeGreaterThan(2)
      expect(read.pages[page - 1], title).toContain(heading)
    }
    // Apologies have no papers, so no page.
    expect(agenda).not.toMatch(/Apologies\s*Page/)
    expect(pageOf('Improvement plan')).toBeGreaterThan(pageOf('A child’s placement'))
    expect(read.pages.at(-1)).toContain(`Page ${read.pageCount} of ${read.pageCount}`)
  })

  it('prints the front sheet, places uploaded PDFs and names other files, bookmarked, titled and tagged', async () => {
    const read = await readPdf((await renderAgendaPack(await sampleInput())).content)
    expect(read.title).toBe('Children and Young People’s Scrutiny Committee agenda, 25 January 2024')
    expect(read.tagged).toBe(true)
    expect(read.language).toBe('en-GB')
    expect(read.pages[0]).toContain('Blackpool Council')
    expect(read.pages[0]).toContain('Thursday 25 January 2024')
    expect(read.pages[0]).toContain('Committee Room A, Town Hall')
    expect(read.pages[0]).toContain('Councillor Jane Smith (Chair)')
    expect(read.text).toContain('Placed appendix page one')
    expect(read.text).toContain('Placed appendix page two')
    expect(read.text).toContain('budget.xlsx')
    expect(read.outline.map((entry) => entry.title)).toEqual([
      'Front sheet',
      'Agenda',
      '2. Fostering update',
      '3. A child’s placement',
      '4. Improvement plan',
    ])
    expect(read.outline[2].items).toEqual([
      'Appendix 2(a): Placements',
      'Appendix 2(b): Named carers',
      'Appendix 2(c): Budget',
    ])
  })

  it('prints an exempt item, report or appendix as its title and paragraph only', async () => {
    const read = await readPdf((await renderAgendaPack(await sampleInput())).content)
    expect(read.text).not.toMatch(/Numbatsecret|Quollsecret|Wombatsecret/)
    expect(read.text).toContain('Exempt under paragraph 3 of Part 1 of Schedule 12A')
    expect(read.text).toContain('Exempt under paragraph 1 of Part 1 of Schedule 12A')
    expect(read.outline[3].items).toEqual([])
  })

  it('marks a draft in its title and on its front sheet', async () => {
    const read = await readPdf((await renderAgendaPack({ ...(await sampleInput()), draft: true })).content)
    expect(read.title).toBe('Draft: Children and Young People’s Scrutiny Committee agenda, 25 January 2024')
    expect(read.pages[0]).toContain('Draft: not yet published')
  })

  it('gives each item with papers its range of pages', async () => {
    const input = await sampleInput()
    const rendered = await renderAgendaPack(input)
    const ranges = itemPageRanges(
      input.items.map((entry) => entry.item),
      rendered,
    )
    const fostering = ranges.get('item-id-2')!
    const child = ranges.get('item-id-3')!
    expect(ranges.has('item-id-1')).toBe(false)
    expect(child.from).toBe(fostering.to + 1)
    expect(child.to).toBe(child.from)
    expect(ranges.get('item-id-4')!.to).toBe(rendered.pageCount)
  })

  it('places an item’s own documents (an import’s papers), after its report’s appendices or alone', async () => {
    const input = await sampleInput()
    const minutes = await uploadedPdf(['Imported minutes page'])
    const secret = await uploadedPdf(['Wombatsecret imported'])
    const apologies = input.items[0]
    apologies.documents = [
      appendix('d1', '', 'Minutes of the last meeting', {
        documentId: 'f1',
        filename: 'minutes.pdf',
        mediaType: 'application/pdf',
        sizeBytes: minutes.byteLength,
        pdf: minutes,
      }),
      appendix('d2', '', 'Named children', {
        documentId: 'f2',
        filename: 'children.pdf',
        mediaType: 'application/pdf',
        sizeBytes: secret.byteLength,
        pdf: secret,
        exemptParagraph: 2,
        exemptReason: 'Names children',
      }),
    ]
    input.items[1].documents = [
      appendix('d3', '', 'Presentation slides', {
        documentId: 'f3',
        filename: 'slides.pptx',
        mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        sizeBytes: 40_000,
      }),
    ]
    const read = await readPdf((await renderAgendaPack(input)).content)
    expect(read.outline[2]).toEqual({
      title: '1. Apologies',
      items: ['Minutes of the last meeting', 'Named children'],
    })
    expect(read.outline[3].items.at(-1)).toBe('Presentation slides')
    expect(read.text).toContain('Imported minutes page')
    expect(read.text).toContain('slides.pptx')
    expect(read.text).toContain('Exempt under paragraph 2 of Part 1 of Schedule 12A')
    expect(read.text).not.toContain('Wombatsecret')
    expect(read.pages[1]).toMatch(/Apologies\s*Page \d+/)
  })
})
