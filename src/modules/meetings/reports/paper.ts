import type { Paper, PaperBlock } from '#src/platform/papers/paper.ts'
import { plainTextBlocks } from '#src/platform/papers/plain-text.ts'
import { itemHeading, longDate } from '#src/platform/views/filters.ts'
import type { ReportsService } from './service.ts'
import { REASON_QUESTIONS, type SectionKey, type TemplateReport, withinBudgetText, yesNo } from './template.ts'

type ReportView = Awaited<ReturnType<ReportsService['getReport']>>

/**
 * A report as the council prints it, in its template: the front matter (title, meeting, item, who it
 * is to and from, the exempt marking), then the sections in the template's order under its headings,
 * numbered as the report page numbers them. Built from what the report page shows this viewer, so it
 * is never more open than the page. `sections` are also a report's place in an agenda pack.
 */
export function reportPaper(view: ReportView, council: string): Paper {
  const { report, meeting, item, exempt } = view
  const facts = [
    { label: 'Meeting', value: `${meeting.bodyName}, ${longDate(meeting.date)}` },
    { label: 'Agenda item', value: itemHeading(item) },
    ...(report.reportTo ? [{ label: 'Report to', value: report.reportTo }] : []),
    ...(report.relevantOfficer ? [{ label: 'Relevant officer', value: report.relevantOfficer }] : []),
    ...(report.meetingDate ? [{ label: 'Date of meeting', value: longDate(report.meetingDate) }] : []),
  ]
  const front: PaperBlock[] = [
    { kind: 'heading', level: 1, text: report.title },
    ...(exempt
      ? [{ kind: 'paragraph' as const, style: 'strong' as const, text: `Not for publication. ${exempt.label}` }]
      : []),
    { kind: 'facts', rows: facts },
  ]
  const sections = view.sections.map((section) => ({
    id: `section-${section.key}`,
    bookmark: `${section.number} ${section.heading}`,
    blocks: [
      { kind: 'heading' as const, level: 2 as const, text: `${section.number} ${section.heading}` },
      ...sectionBlocks(view, section.key, section.number.replace(/\.0$/, '')),
    ],
  }))
  return {
    title: report.title,
    author: council,
    sections: [{ id: 'report', bookmark: report.title, blocks: front }, ...sections],
  }
}

function sectionBlocks(view: ReportView, key: SectionKey, n: string): PaperBlock[] {
  const lines = view.appendices.map((a) =>
    a.withheld || a.exempt
      ? `${a.label}: ${a.title} (${a.exempt?.label ?? 'not for publication'})`
      : `${a.label}: ${a.title}`,
  )
  return reportSectionBlocks(view.report, lines, key, n)
}

/**
 * One section of a report in the council's template, numbered `n` as the report page numbers it:
 * the report page's Word and PDF, and the agenda pack, print sections alike. `appendixLines` lists the
 * appendices ("Appendix 8(a): Title") as the paper may show them.
 */
export function reportSectionBlocks(
  report: TemplateReport,
  appendixLines: string[],
  key: SectionKey,
  n: string,
): PaperBlock[] {
  switch (key) {
    case 'recommendations':
      return report.recommendations.map((text, index) => ({ kind: 'paragraph', text: `${n}.${index + 1} ${text}` }))
    case 'reasons':
      return [
        ...plainTextBlocks(report.reasons),
        { kind: 'paragraph', text: `${n}.2 ${REASON_QUESTIONS.contraryToPlan} ${yesNo(report.contraryToPlan)}` },
        { kind: 'paragraph', text: `${n}.3 ${REASON_QUESTIONS.withinBudget} ${withinBudgetText(report.withinBudget)}` },
      ]
    case 'appendices':
      return [{ kind: 'list', items: appendixLines }]
    default:
      return plainTextBlocks(report[key])
  }
}
