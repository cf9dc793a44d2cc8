import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import type { Paper, PaperBlock, PaperSection } from '#src/platform/papers/paper.ts'
import { type RenderedPdf, renderPdf } from '#src/platform/papers/pdf.ts'
import { clockTime, itemHeading, longDate, longDateWithDay } from '#src/platform/views/filters.ts'
import {
  type AgendaItemRecord,
  type AppendixRecord,
  type ReportSummaryRecord,
  agendaItemForViewer,
  appendixForViewer,
} from '../redaction.ts'
import { plainTextBlocks } from '#src/platform/papers/plain-text.ts'
import { type PrintedReport, reportBlocks } from '../reports/report-paper.ts'
import type { ReportTemplate } from '../reports/template.ts'

/**
 * The agenda pack: a front sheet, the agenda with the page each item's papers start on, then each
 * report in the council's template followed by its appendices. It is the public document, so it is
 * built as the public sees the meeting, whoever asks: an exempt item, report or appendix is a page with
 * its title and its Schedule 12A paragraph, never its words.
 */

export interface PackMeeting {
  bodyName: string
  date: string
  startTime: string | null
  endTime: string | null
  venue: string
  contact: string
  webcastUrl: string | null
}

export interface PackAppendix extends AppendixRecord {
  /** The uploaded file's bytes when it is a PDF, to be placed in the pack; null otherwise. */
  pdf: Uint8Array | null
}

export interface PackItem {
  item: AgendaItemRecord
  report: (PrintedReport & ReportSummaryRecord) | null
  appendices: PackAppendix[]
  /** The item's own documents (an import's papers), after the report's appendices; none when not given. */
  documents?: PackAppendix[]
}

export interface PackInput {
  councilName: string
  meeting: PackMeeting
  /** The body's members as the front sheet names them: "Councillor Jane Smith (Chair)". */
  members: string[]
  /** A supplementary agenda's title; the agenda's when not given. */
  heading?: string
  /** A draft, for staff before publication or to check a correction: marked so in its title and front sheet. */
  draft: boolean
  items: PackItem[]
  template: ReportTemplate
}

const PDF = 'application/pdf'

/** "Children and Young People's Scrutiny Committee agenda, 25 January 2024", "Draft: …" while a draft. */
export function packTitle(input: Pick<PackInput, 'meeting' | 'heading' | 'draft'>): string {
  const what = input.heading ? `${input.heading.toLowerCase()}` : 'agenda'
  const title = `${input.meeting.bodyName} ${what}, ${longDate(input.meeting.date)}`
  return input.draft ? `Draft: ${title}` : title
}

const itemId = (item: AgendaItemRecord) => `item-${item.position}`

function frontSheet(input: PackInput): PaperSection {
  const { meeting } = input
  const time = meeting.startTime
    ? `${clockTime(meeting.startTime)}${meeting.endTime ? ` to ${clockTime(meeting.endTime)}` : ''}`
    : 'To be confirmed'
  const rows = [
    { label: 'Date', value: longDateWithDay(meeting.date) },
    { label: 'Time', value: time },
    { label: 'Venue', value: meeting.venue || 'To be confirmed' },
    { label: 'Membership', value: input.members.join('; ') },
    { label: 'Contact', value: meeting.contact },
    { label: 'Webcast', value: meeting.webcastUrl ?? '' },
  ].filter((row) => row.value)
  const blocks: PaperBlock[] = [
    { kind: 'paragraph', text: input.councilName, style: 'strong' },
    { kind: 'heading', level: 1, text: meeting.bodyName },
    { kind: 'heading', level: 2, text: input.heading ?? 'Agenda' },
  ]
  if (input.draft) blocks.push({ kind: 'paragraph', text: 'Draft: not yet published', style: 'strong' })
  blocks.push({ kind: 'facts', rows })
  return { bookmark: 'Front sheet', blocks }
}

/** Whether an item has papers in the pack: a report, documents, or the page that stands for its exempt papers. */
const hasPapers = (entry: PackItem) =>
  entry.report !== null || entry.item.exemptParagraph !== null || Boolean(entry.documents?.length)

function agendaList(input: PackInput, pages: Record<string, number>): PaperSection {
  const rows = input.items.map(({ item, report }) => {
    const shown = agendaItemForViewer(item, report ?? undefined, false)
    const notes = [
      shown.exempt ? 'Not for publication' : '',
      shown.toFollow ? 'Report to follow' : '',
      shown.status === 'withdrawn' ? 'Withdrawn' : '',
    ].filter(Boolean)
    const page = pages[itemId(item)]
    return [item.number ?? '', [item.title, ...notes].join(': '), page === undefined ? '' : `Page ${page}`]
  })
  return {
    bookmark: 'Agenda',
    newPage: true,
    blocks: [
      { kind: 'heading', level: 1, text: 'Agenda' },
      {
        kind: 'table',
        caption: 'Agenda items and the page their papers start on',
        columns: [
          { heading: 'Item', width: 0.7 },
          { heading: 'Title', width: 5 },
          { heading: 'Page', width: 1.2 },
        ],
        rows,
      },
    ],
  }
}

function exemptPage(heading: string, label: string): PaperBlock[] {
  return [
    { kind: 'heading', level: 1, text: heading },
    { kind: 'paragraph', text: label, style: 'strong' },
    { kind: 'paragraph', text: 'This is not for publication.' },
  ]
}

function appendixSection(appendix: PackAppendix, parents: ExemptColumns[]): PaperSection {
  const shown = appendixForViewer(appendix, parents, false)
  const name = shown.label ? `${shown.label}: ${shown.title}` : shown.title
  const section = { id: `appendix-${appendix.id}`, bookmark: name, newPage: true }
  if (shown.withheld) return { ...section, blocks: exemptPage(name, shown.exempt?.label ?? '') }
  const blocks: PaperBlock[] = []
  if (shown.document && appendix.pdf && appendix.mediaType === PDF) {
    blocks.push({ kind: 'pdf', title: name, content: appendix.pdf })
  } else {
    blocks.push({ kind: 'heading', level: 2, text: name }, ...plainTextBlocks(shown.body))
    if (shown.document)
      blocks.push({
        kind: 'paragraph',
        text: `${shown.document.filename} (${shown.document.description}) is published with the agenda online.`,
      })
  }
  return { ...section, blocks }
}

function itemSection(entry: PackItem, template: ReportTemplate): PaperSection {
  const { item, report } = entry
  const heading = itemHeading(item)
  const section = { id: itemId(item), bookmark: heading, newPage: true }
  const shown = agendaItemForViewer(item, report ?? undefined, false)
  if (shown.withheld) return { ...section, blocks: exemptPage(heading, shown.exempt?.label ?? '') }
  const documents = entry.documents ?? []
  const documentSections = documents.map((document) => appendixSection(document, [item]))
  if (!report) {
    const titles = documents.map((document) => appendixForViewer(document, [item], false).title)
    return {
      ...section,
      blocks: [
        { kind: 'heading', level: 1, text: heading },
        { kind: 'paragraph', text: documents.length === 1 ? 'The paper for this item:' : 'The papers for this item:' },
        { kind: 'list', items: titles },
      ],
      sections: documentSections,
    }
  }
  if (shown.report?.withheld) return { ...section, blocks: exemptPage(heading, shown.report.exempt?.label ?? '') }
  const parents = [report, item]
  const lines = entry.appendices.map((appendix) => {
    const view = appendixForViewer(appendix, parents, false)
    return `${view.label}: ${view.title}${view.withheld ? ` (${view.exempt?.label ?? ''})` : ''}`
  })
  return {
    ...section,
    blocks: [{ kind: 'paragraph', text: heading, style: 'small' }, ...reportBlocks(report, lines, template)],
    sections: [...entry.appendices.map((appendix) => appendixSection(appendix, parents)), ...documentSections],
  }
}

/** The pack as a paper, with `pages` (each item's first page, from a first rendering) in its agenda. */
export function agendaPackPaper(input: PackInput, pages: Record<string, number> = {}): Paper {
  return {
    title: packTitle(input),
    author: input.councilName,
    sections: [
      frontSheet(input),
      agendaList(input, pages),
      ...input.items.filter(hasPapers).map((entry) => itemSection(entry, input.template)),
    ],
  }
}

export class PackPagesUnsettledError extends Error {
  constructor() {
    super('The agenda pack’s page numbers did not settle')
  }
}

/**
 * Renders the pack: once to learn where each item starts (uploaded PDFs' pages reserved, not drawn),
 * then again with those pages in the agenda. The agenda's length does not depend on its page numbers
 * (they sit in a column of their own), so the second rendering agrees with the first; a third is
 * tried before giving up, should it not.
 */
export async function renderAgendaPack(input: PackInput): Promise<RenderedPdf> {
  let rendered = await renderPdf(agendaPackPaper(input), { layoutOnly: true })
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const again = await renderPdf(agendaPackPaper(input, rendered.startPages))
    if (samePages(again.startPages, rendered.startPages)) return again
    rendered = again
  }
  throw new PackPagesUnsettledError()
}

function samePages(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key])
}

/** Each item's pages in the rendered pack: from where it starts to before the next, the last to the end. */
export function itemPageRanges(
  items: AgendaItemRecord[],
  rendered: Pick<RenderedPdf, 'startPages' | 'pageCount'>,
): Map<string, { from: number; to: number }> {
  const starts = items
    .map((item) => ({ id: item.id, from: rendered.startPages[itemId(item)] }))
    .filter((entry): entry is { id: string; from: number } => entry.from !== undefined)
  return new Map(
    starts.map((entry, index) => [
      entry.id,
      { from: entry.from, to: (starts[index + 1]?.from ?? rendered.pageCount + 1) - 1 },
    ]),
  )
}
