import type { BodiesTables } from '#src/modules/bodies/index.ts'
import type { MeetingsTables } from '#src/modules/meetings/index.ts'
import { isSchedule12AParagraph } from '#src/platform/exemption/schedule-12a.ts'

export type BodyKind = BodiesTables['bodies']['kind']
export type MembershipRole = BodiesTables['memberships']['role']
export type MeetingStatus = MeetingsTables['meetings']['status']
export type AttendanceCapacity = MeetingsTables['attendance']['capacity']
export type AttendanceStatus = MeetingsTables['attendance']['status']

/*
 * Modern.gov leaves most of its vocabulary to each council (committee categories, role and attendance
 * descriptions), so these read the plain English words any council uses and nothing one council alone does;
 * what none of them recognises is left for the plan's "not mapped" list.
 */

/** 'dd/mm/yyyy' (the service's own) or ISO 'yyyy-mm-dd', either with a time after it; null when neither. */
export function isoDate(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(text.trim())
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text.trim())
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : []
  if (!year || !month || !day) return null
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null
  return date.toISOString().slice(0, 10)
}

/** '18:00', '18:00:00', '6.00 pm', '6pm' → 'HH:MM', 24-hour; null when it is not a time. */
export function clockTime(text: string): string | null {
  const match = /(\d{1,2})(?:[:.](\d{2}))?(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(text.trim())
  if (!match || (!match[2] && !match[3])) return null
  let hours = Number(match[1])
  const minutes = Number(match[2] ?? '0')
  const half = match[3]?.[0]?.toLowerCase()
  if (half && (hours < 1 || hours > 12)) return null
  if (half === 'p' && hours < 12) hours += 12
  if (half === 'a' && hours === 12) hours = 0
  if (hours > 23 || minutes > 59) return null
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

const BODY_KINDS: [RegExp, BodyKind][] = [
  [/\bsub[- ]?committee\b/i, 'sub-committee'],
  [/\bjoint\b.*\bcommittee\b/i, 'joint committee'],
  [/\btask (and|&) finish\b/i, 'task and finish group'],
  [/\b(cabinet|executive)\b/i, 'executive'],
  [/^(full |county |city |borough |district )?council( meeting)?$/i, 'council'],
  [/\bpanel\b/i, 'panel'],
  [/\bboard\b/i, 'board'],
  [/\bcommittee\b/i, 'committee'],
]

/** The kind of body the committee's title (or failing that, its category) says it is; null when neither says. */
export function bodyKind(title: string, category: string): BodyKind | null {
  for (const text of [title, category]) for (const [pattern, kind] of BODY_KINDS) if (pattern.test(text)) return kind
  return null
}

/** Cancelled and postponed as the service says; otherwise held once its date has passed. */
export function meetingStatus(status: string, date: string, today: string): MeetingStatus {
  if (/cancel/i.test(status)) return 'cancelled'
  if (/postpone/i.test(status)) return 'postponed'
  return date < today ? 'held' : 'scheduled'
}

/** A member's role on a committee from the attendee's role description; null when it names none. */
export function membershipRole(role: string): MembershipRole | null {
  if (/vice[- ]?chair/i.test(role)) return 'vice-chair'
  if (/\bchair/i.test(role)) return 'chair'
  if (/co-?opt/i.test(role)) return 'co-opted member'
  if (/observer/i.test(role)) return 'observer'
  if (/\bmember\b/i.test(role)) return 'member'
  return null
}

export function attendanceCapacity(role: string, attendance: string): AttendanceCapacity {
  if (/substitute/i.test(`${role} ${attendance}`)) return 'substitute'
  if (/co-?opt/i.test(role)) return 'co-opted member'
  if (/cabinet|portfolio/i.test(role)) return 'cabinet member'
  if (/officer|director|head of|manager/i.test(role)) return 'officer'
  // An observer sits with the committee without being one of its members.
  const membership = membershipRole(role)
  return membership && membership !== 'observer' ? 'member' : 'other'
}

/** Null when the description is none of the statuses the record keeps. */
export function attendanceStatus(attendance: string): AttendanceStatus | null {
  if (/apolog/i.test(attendance)) return 'apologies'
  if (/absent/i.test(attendance)) return 'absent'
  if (/expected/i.test(attendance)) return 'expected'
  if (/in attendance/i.test(attendance)) return 'in attendance'
  if (/(remote|virtual|online)/i.test(attendance)) return 'present remotely'
  if (/present|attended/i.test(attendance)) return 'present'
  return null
}

/** The paragraph of Schedule 12A a restricted item's text cites ("paragraph 3 of Part 1 of Schedule 12A"). */
export function exemptParagraph(text: string): number | null {
  const match = /paragraphs? (\d{1,2})\b[^.]*schedule 12a/i.exec(text)
  const paragraph = match ? Number(match[1]) : null
  return isSchedule12AParagraph(paragraph) ? paragraph : null
}

const HONORIFIC =
  /^((?:(?:county|city|borough|district|town) )?(?:councillor|cllr\.?)|mr|mrs|ms|miss|mx|dr|prof(?:essor)?)\.?\s+/i

/** "Councillor Ada Brightwater" → the honorific the papers put before the name, and the name. */
export function splitHonorific(fullName: string): { honorific: string | null; name: string } {
  const match = HONORIFIC.exec(fullName.trim())
  if (!match?.[1]) return { honorific: null, name: fullName.trim() }
  return { honorific: match[1], name: fullName.trim().slice(match[0].length) }
}
