import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import type { AgendaItemStatus } from './tables.ts'
import { exemptionOf, isWithheld, redact } from '#src/platform/exemption/redaction.ts'
import { pageRangeLabel } from './agenda/page-range.ts'
import { documentDescription } from './documents.ts'

/**
 * Agenda items and appendices shaped for one viewer by the exemption rule (platform/exemption),
 * so exempt content never reaches a page they may not read.
 */

export interface AgendaItemRecord extends ExemptColumns {
  id: string
  number: string | null
  position: number
  title: string
  purpose: string
  urgent: boolean
  urgentReason: string
  status: AgendaItemStatus
  statusReason: string
  toFollow: boolean
  publicParticipation: boolean
  noRequestsToSpeak: boolean
  pageFrom: number | null
  pageTo: number | null
}

export interface ReportSummaryRecord extends ExemptColumns {
  agendaItemId: string
  title: string
}

/**
 * An agenda item as the meeting page shows it. Withheld, only its number, place, title and
 * exemption, and whether it is urgent, withdrawn or deferred, without the reasons, which are the
 * officer's words about it.
 */
export function agendaItemForViewer(item: AgendaItemRecord, report: ReportSummaryRecord | undefined, mayRead: boolean) {
  return redact([item], mayRead, {
    shown: {
      id: item.id,
      number: item.number,
      position: item.position,
      title: item.title,
      urgent: item.urgent,
      status: item.status,
      // A report that has arrived is no longer to follow.
      toFollow: item.toFollow && !report,
      // Whether the public took part is the meeting's record, not the item's content: shown as the status is.
      publicParticipation: item.publicParticipation,
      noRequestsToSpeak: item.noRequestsToSpeak,
    },
    withheldAs: { purpose: null, urgentReason: null, statusReason: null, pages: '', report: null },
    content: () => ({
      purpose: item.purpose,
      urgentReason: item.urgentReason,
      statusReason: item.statusReason,
      pages: pageRangeLabel(item.pageFrom, item.pageTo),
      report: report
        ? {
            withheld: isWithheld([report], mayRead),
            title: isWithheld([report], mayRead) ? null : report.title,
            exempt: exemptionOf(report, mayRead),
          }
        : null,
    }),
  })
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
  return redact([appendix, ...parents], mayRead, {
    shown: {
      id: appendix.id,
      label: appendix.label,
      title: appendix.title,
      ownExemption: exemptionOf(appendix, mayRead),
    },
    withheldAs: { body: null, document: null },
    content: () => ({
      body: appendix.body,
      document:
        appendix.documentId === null
          ? null
          : {
              id: appendix.documentId,
              filename: appendix.filename,
              description: documentDescription(appendix.mediaType, appendix.sizeBytes),
            },
    }),
  })
}

export type AppendixView = ReturnType<typeof appendixForViewer>
