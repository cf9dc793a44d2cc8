import type { PaperBlock } from '#src/platform/papers/paper.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { reportSectionBlocks } from './paper.ts'
import { type ReportTemplate, type TemplateReport, reportSections } from './template.ts'

/** What a printed report reads of the record: its details and its parts, in the council's template. */
export interface PrintedReport extends TemplateReport {
  title: string
  reportTo: string
  relevantOfficer: string
  meetingDate: string | null
}

/**
 * A report as the council's template prints it, as its page shows it: the details, then each section
 * the author wrote, numbered, under the template's headings. `appendixLines` is the list of appendices
 * ("Appendix 8(a): Title"), as this paper may show them.
 */
export function reportBlocks(report: PrintedReport, appendixLines: string[], template: ReportTemplate): PaperBlock[] {
  const details = [
    { label: 'Report to', value: report.reportTo },
    { label: 'Relevant officer', value: report.relevantOfficer },
    { label: 'Date of meeting', value: longDate(report.meetingDate) },
  ].filter((row) => row.value)
  const blocks: PaperBlock[] = [{ kind: 'heading', level: 1, text: report.title }]
  if (details.length > 0) blocks.push({ kind: 'facts', rows: details })
  for (const section of reportSections(report, appendixLines.length, template)) {
    blocks.push({ kind: 'heading', level: 2, text: `${section.number} ${section.heading}` })
    blocks.push(...reportSectionBlocks(report, appendixLines, section.key, section.number.replace(/\.0$/, '')))
  }
  return blocks
}
