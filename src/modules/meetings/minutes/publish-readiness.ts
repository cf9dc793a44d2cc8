import type { AttendanceStatus } from '../tables.ts'

/** A gap that stops the minutes being published, and where on the recording page to fill it. */
export interface MissingPart {
  text: string
  /** The id of the section of the recording page that fills the gap. */
  anchor: string
}

export interface ReadinessInput {
  /** The meeting's date and the app's today: minutes record a meeting that has taken place. */
  meetingDate: string
  today: string
  /** Minutes of a draft agenda would publish its items (their titles, minutes, declarations) early. */
  agendaPublished: boolean
  attendance: { status: AttendanceStatus; chaired: boolean }[]
  items: { number: string | null; position: number; title: string; minute: string; resolutionCount: number }[]
  noDeclarations: boolean
  declarationCount: number
}

/**
 * What must still be recorded before the minutes can be published, in the order of the minutes;
 * empty when they are ready. Minutes record a meeting that has taken place (on its day or after, by the
 * app's date), follow a published agenda, and say who was there and who chaired, what was declared (or
 * that nothing was), and what happened on every item.
 */
export function whatIsMissing(input: ReadinessInput): MissingPart[] {
  const missing: MissingPart[] = []
  if (input.meetingDate > input.today)
    missing.push({ text: 'Wait until the meeting has taken place', anchor: 'status' })
  if (!input.agendaPublished) missing.push({ text: 'Publish the agenda of the meeting', anchor: 'status' })
  if (!input.attendance.some((row) => row.status === 'present')) {
    missing.push({ text: 'Record at least one person as present', anchor: 'attendance' })
  }
  if (!input.attendance.some((row) => row.chaired)) {
    missing.push({ text: 'Record who chaired the meeting', anchor: 'attendance' })
  }
  if (input.attendance.some((row) => row.status === 'expected')) {
    missing.push({ text: 'Record whether the people still expected attended', anchor: 'attendance' })
  }
  if (!input.noDeclarations && input.declarationCount === 0) {
    missing.push({ text: 'Record the declarations of interest, or that there were none', anchor: 'declarations' })
  }
  for (const item of input.items) {
    if (!item.minute.trim() && item.resolutionCount === 0) {
      missing.push({
        text: `Write a minute or a resolution for ${item.number ? `item ${item.number}: ` : ''}${item.title}`,
        anchor: `item-${item.position}`,
      })
    }
  }
  return missing
}
