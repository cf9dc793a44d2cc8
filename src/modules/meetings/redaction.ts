import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { pageRangeLabel } from './agenda/page-range.ts'
import { documentDescription } from './documents.ts'
import { exemptLabel, isExempt } from './exempt.ts'

/**
 * Shaping records for one viewer, so exempt content never reaches a page they may not read.
 * Each function builds its result field by field: nothing is copied across that is not named.
 */

export interface Exemption {
  paragraph: number
  label: string
  /** Why, and when to look again: only for those who may read the exempt material. */
  reason: string | null
  reviewOn: string | null
}

/** How a record's exemption is shown, or null when it is not exempt. */
export function exemptionOf(record: ExemptColumns, mayRead: boolean): Exemption | null {
  if (record.exemptParagraph === null) return null
  return {
    paragraph: record.exemptParagraph,
    label: exemptLabel(record.exemptParagraph),
    reason: mayRead ? record.exemptReason : null,
    reviewOn: mayRead ? record.exemptReviewOn : null,
  }
}

/**
 * The exemption that governs a record read within its parents (an appendix within its report within
 * its agenda item): its own, or else the nearest exempt one around it. `chain` runs innermost first.
 */
export function governingExemption(chain: ExemptColumns[], mayRead: boolean): Exemption | null {
  const exempt = chain.find(isExempt)
  return exempt ? exemptionOf(exempt, mayRead) : null
}

/** True when anything in the chain is exempt and this viewer may not read it. */
export function isWithheld(chain: ExemptColumns[], mayRead: boolean): boolean {
  return !mayRead && chain.some(isExempt)
}

export interface AgendaItemRecord extends ExemptColumns {
  id: string
  number: number
  title: string
  purpose: string
  pageFrom: number | null
  pageTo: number | null
}

export interface ReportSummaryRecord extends ExemptColumns {
  agendaItemId: string
  title: string
}

/** An agenda item as the meeting page shows it: only the number, title and exemption when withheld. */
export function agendaItemForViewer(item: AgendaItemRecord, report: ReportSummaryRecord | undefined, mayRead: boolean) {
  const exempt = exemptionOf(item, mayRead)
  const base = { id: item.id, number: item.number, title: item.title, exempt }
  if (isWithheld([item], mayRead)) {
    return { ...base, withheld: true, purpose: null, pages: '', report: null }
  }
  return {
    ...base,
    withheld: false,
    purpose: item.purpose,
    pages: pageRangeLabel(item.pageFrom, item.pageTo),
    report: report
      ? {
          withheld: isWithheld([report], mayRead),
          title: isWithheld([report], mayRead) ? null : report.title,
          exempt: exemptionOf(report, mayRead),
        }
      : null,
  }
}

export type AgendaItemView = ReturnType<typeof agendaItemForViewer>

export interface AppendixRecord extends ExemptColumns {
  id: string
  label: string
  title: string
  body: string
  documentId: string | null
  filename: string | null
  mediaType: string | null
  sizeBytes: number | null
}

/** An appendix as a report lists it, and its page shows it: label and title only when withheld. */
export function appendixForViewer(appendix: AppendixRecord, parents: ExemptColumns[], mayRead: boolean) {
  const withheld = isWithheld([appendix, ...parents], mayRead)
  const base = {
    id: appendix.id,
    label: appendix.label,
    title: appendix.title,
    exempt: governingExemption([appendix, ...parents], mayRead),
    ownExemption: exemptionOf(appendix, mayRead),
  }
  if (withheld) return { ...base, withheld: true, body: null, document: null }
  const document =
    appendix.documentId === null
      ? null
      : {
          id: appendix.documentId,
          filename: appendix.filename,
          description: documentDescription(appendix.mediaType, appendix.sizeBytes),
        }
  return { ...base, withheld: false, body: appendix.body, document }
}

export type AppendixView = ReturnType<typeof appendixForViewer>
