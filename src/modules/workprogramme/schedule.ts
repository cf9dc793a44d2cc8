import { longDate } from '#src/platform/views/filters.ts'
import { monthOrDateLabel } from './month-or-date.ts'
import type { WorkProgrammeKind } from './tables.ts'

export interface MeetingRef {
  id: string
  slug: string
  date: string
}

export interface SchedulableItem {
  meetingId: string | null
  scheduledMonth: string | null
  scheduledOn: string | null
  kind: WorkProgrammeKind
  position: number
  title: string
}

export type Schedule =
  | { type: 'meeting'; meeting: MeetingRef; key: string; sortKey: string; label: string }
  | { type: 'month'; month: string; on: string | null; key: string; sortKey: string; label: string }
  | { type: 'tbc'; key: string; sortKey: string; label: string }

/**
 * When an item is planned for: a meeting (by its date), a day, a month, or to be confirmed. Within a
 * month, named days come before "sometime this month"; everything to be confirmed comes last. A
 * meeting that is no longer in the list reads as to be confirmed.
 */
export function scheduleOf(item: SchedulableItem, meetings: Map<string, MeetingRef>): Schedule {
  const meeting = item.meetingId ? meetings.get(item.meetingId) : undefined
  if (meeting) {
    return {
      type: 'meeting',
      meeting,
      key: `meeting:${meeting.id}`,
      sortKey: meeting.date,
      label: `Meeting on ${longDate(meeting.date)}`,
    }
  }
  if (item.scheduledMonth) {
    const on = item.scheduledOn
    return {
      type: 'month',
      month: item.scheduledMonth,
      on,
      key: on ? `day:${on}` : `month:${item.scheduledMonth}`,
      sortKey: on ?? `${item.scheduledMonth}-99`,
      label: monthOrDateLabel({ month: item.scheduledMonth, on }),
    }
  }
  return { type: 'tbc', key: 'tbc', sortKey: '9999', label: 'To be confirmed' }
}

/** The sections of the programme, as Appendix 10(a) sets them out. */
export const SECTIONS: { id: string; heading: string; kinds: WorkProgrammeKind[] }[] = [
  { id: 'committee-meetings', heading: 'Committee meetings', kinds: ['committee item'] },
  { id: 'scrutiny-reviews', heading: 'Scrutiny review work', kinds: ['scrutiny review', 'informal meeting'] },
  { id: 'briefings-and-training', heading: 'Briefings and training', kinds: ['briefing or training'] },
]

/** Items in sections by kind, then in groups by when they are planned for, in date order. */
export function groupWorkProgramme<T extends SchedulableItem>(items: T[], meetings: Map<string, MeetingRef>) {
  return SECTIONS.map((section) => {
    const groups = new Map<string, { schedule: Schedule; items: (T & { schedule: Schedule })[] }>()
    for (const item of items.filter((i) => section.kinds.includes(i.kind))) {
      const schedule = scheduleOf(item, meetings)
      const group = groups.get(schedule.key) ?? { schedule, items: [] }
      group.items.push({ ...item, schedule })
      groups.set(schedule.key, group)
    }
    const sorted = [...groups.values()].sort((a, b) => a.schedule.sortKey.localeCompare(b.schedule.sortKey))
    for (const group of sorted) group.items.sort((a, b) => a.position - b.position || a.title.localeCompare(b.title))
    return { ...section, groups: sorted, count: sorted.reduce((n, g) => n + g.items.length, 0) }
  })
}
