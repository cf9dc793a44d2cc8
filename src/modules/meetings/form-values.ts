import type { ExemptColumns } from '#src/platform/db/column-types.ts'
import { exemptValues } from '#src/platform/exemption/form.ts'
import { dateValues } from '#src/platform/forms/values.ts'
import { clockTime } from '#src/platform/views/filters.ts'

/** Meetings, agenda items and reports as their GOV.UK forms show them. */

export function meetingValues(meeting: {
  date: string
  startTime: string | null
  endTime: string | null
  venue: string
  type: string
  contact: string
  webcastUrl: string | null
  status: string
  statusReason: string
  notes: string
}) {
  return {
    ...dateValues('date', meeting.date),
    startTime: clockTime(meeting.startTime),
    endTime: clockTime(meeting.endTime),
    venue: meeting.venue,
    type: meeting.type,
    contact: meeting.contact,
    webcastUrl: meeting.webcastUrl ?? '',
    status: meeting.status,
    statusReason: meeting.statusReason,
    notes: meeting.notes,
  }
}

export function itemValues(
  item: {
    number: string | null
    title: string
    purpose: string
    pageFrom: number | null
    pageTo: number | null
    urgent: boolean
    urgentReason: string
    status: string
    statusReason: string
    toFollow: boolean
    publicParticipation: boolean
    noRequestsToSpeak: boolean
  } & ExemptColumns,
) {
  return {
    number: item.number ?? '',
    urgent: item.urgent ? 'yes' : '',
    urgentReason: item.urgentReason,
    status: item.status,
    statusReason: item.statusReason,
    toFollow: item.toFollow ? 'yes' : '',
    publicParticipation: item.publicParticipation ? 'yes' : '',
    noRequestsToSpeak: item.noRequestsToSpeak ? 'yes' : '',
    title: item.title,
    purpose: item.purpose,
    pageFrom: item.pageFrom === null ? '' : String(item.pageFrom),
    pageTo: item.pageTo === null ? '' : String(item.pageTo),
    ...exemptValues(item),
  }
}

const yesNoValue = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no')

export function reportValues(
  report: Record<string, unknown> &
    ExemptColumns & { recommendations: string[]; meetingDate: string | null; contraryToPlan: boolean | null },
) {
  return {
    ...report,
    recommendations: report.recommendations.join('\n'),
    contraryToPlan: yesNoValue(report.contraryToPlan),
    ...dateValues('meetingDate', report.meetingDate),
    ...exemptValues(report),
  }
}
