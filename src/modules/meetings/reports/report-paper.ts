import type { PaperBlock } from '#src/platform/papers/paper.ts'
import { longDate } from '#src/platform/views/filters.ts'
import { WITHIN_BUDGET } from './schema.ts'
import { type ReportTemplate, type TemplateReport, reportSections, yesNo } from './template.ts'

/** What a printed report reads of the record: its details and its parts, in the council's template. */
export interface PrintedReport extends TemplateReport {
  title: string
  reportTo: string
  relevantOfficer: string
  meetingDate: string | null
}

/** "Not applicable" as the report page prints the answer about the budget. */
export function withinBudgetText(value: string | null): string {
  const known = WITHIN_BUDGET.find((answer) => answer === value)
  return known ? known[0].toUpperCase() + known.slice(1) : 'Not stated'
}

/** Plain text as typed: a paragraph for each block separated by a blank line. */
export function textBlocks(text: string): PaperBlock[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ kind: 'paragraph', text: paragraph }))
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
    const n = section.number.replace('.0', '')
    blocks.push({ kind: 'heading', level: 2, text: `${section.number} ${section.heading}` })
    if (section.key === 'recommendations')
      blocks.push({ kind: 'list', items: report.recommendations.map((text, index) => `${n}.${index + 1} ${text}`) })
    else if (section.key === 'reasons')
      blocks.push(
        ...textBlocks(report.reasons),
        {
          kind: 'paragraph',
          text: `${n}.2 Is the recommendation contrary to a plan or strategy adopted or approved by the Council? ${yesNo(report.contraryToPlan)}`,
        },
        {
          kind: 'paragraph',
          text: `${n}.3 Is the recommendation in accordance with the Council’s approved budget? ${withinBudgetText(report.withinBudget)}`,
        },
      )
    else if (section.key === 'appendices') blocks.push({ kind: 'list', items: appendixLines })
    else blocks.push(...textBlocks(report[section.key]))
  }
  return blocks
}
