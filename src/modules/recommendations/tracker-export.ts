import { csvText } from '#src/platform/files/csv-writer.ts'
import type { RecommendationView } from './service.ts'

const STATUS_LABELS = { open: 'Open', complete: 'Complete', withdrawn: 'Withdrawn' } as const

export const TRACKER_HEADINGS = [
  'Number',
  'Date made',
  'Recommendation',
  'Target date',
  'Responsible officer',
  'Latest update',
  'Date of latest update',
  'Status',
  'RAG',
] as const
type Column = (typeof TRACKER_HEADINGS)[number]
const HEADINGS = TRACKER_HEADINGS
const DATE_COLUMNS = new Set<Column>(['Date made', 'Target date', 'Date of latest update'])

/**
 * The tracker's columns, as Appendix 10(b) prints them plus status; dates stay 'YYYY-MM-DD' unless
 * `day` words them (a printed paper).
 */
function columnsOf(view: RecommendationView, day = (iso: string) => iso): Record<Column, string> {
  return {
    Number: view.number,
    'Date made': day(view.madeOn),
    Recommendation: view.text,
    // A month target stays words ("March 2025"); only a day becomes a spreadsheet date.
    'Target date': (view.targetDate ? day(view.targetDate) : view.target) ?? 'To be confirmed',
    'Responsible officer': view.responsibleOfficer?.name ?? 'To be confirmed',
    'Latest update': view.latestUpdate?.text ?? '',
    'Date of latest update': view.latestUpdate ? day(view.latestUpdate.onDate) : '',
    Status: STATUS_LABELS[view.status],
    RAG: view.rag.label + (view.rag.overridden ? ' (overridden)' : ''),
  }
}

/** One recommendation's cells in the order of TRACKER_HEADINGS, dates worded by `day`. */
export function trackerCells(view: RecommendationView, day: (iso: string) => string): string[] {
  const columns = columnsOf(view, day)
  return TRACKER_HEADINGS.map((heading) => columns[heading])
}

/** The platform's CSV for Excel: a byte-order mark, and no cell Excel would run as a formula. */
export function trackerCsv(views: RecommendationView[]): string {
  const rows = views.map((view) => {
    const columns = columnsOf(view)
    return HEADINGS.map((heading) => columns[heading])
  })
  return csvText([[...HEADINGS], ...rows])
}

/** A one-sheet workbook with real dates, a bold frozen header row and wrapped text. */
export async function trackerWorkbook(bodyName: string, views: RecommendationView[]): Promise<Buffer> {
  // Loaded on the first download, not when the app starts (issue 15: start-up time).
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Oversight'
  const sheet = workbook.addWorksheet('Recommendations', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = HEADINGS.map((heading) => ({
    header: heading,
    key: heading,
    width: heading === 'Recommendation' || heading === 'Latest update' ? 60 : DATE_COLUMNS.has(heading) ? 14 : 20,
    style: DATE_COLUMNS.has(heading) ? { numFmt: 'dd/mm/yyyy' } : { alignment: { wrapText: true, vertical: 'top' } },
  }))
  sheet.getRow(1).font = { bold: true }
  for (const view of views) {
    const values: Record<string, string | Date> = columnsOf(view)
    for (const heading of DATE_COLUMNS) {
      const value = values[heading] as string
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) values[heading] = new Date(`${value}T00:00:00Z`)
    }
    sheet.addRow(values)
  }
  workbook.title = `Recommendations of ${bodyName}`
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
