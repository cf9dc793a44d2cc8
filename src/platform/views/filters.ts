import { TZDate } from '@date-fns/tz'
import { format, parseISO } from 'date-fns'
import nunjucks from 'nunjucks'
import { LONDON } from '#src/platform/clock.ts'
import { type RecordSource, SOURCE_SYSTEMS } from '#src/platform/provenance/source.ts'
import { escapeOneByte } from './one-byte.ts'

/**
 * A day ('2024-01-25') in a pattern, remembered: a page of a long record shows the same few hundred
 * days again and again, and each is worked out once. What is remembered is let go past a few thousand.
 */
function dayIn(pattern: string): (day: string) => string {
  const made = new Map<string, string>()
  return (day) => {
    let shown = made.get(day)
    if (shown === undefined) {
      if (made.size >= 5_000) made.clear()
      shown = format(parseISO(day), pattern)
      made.set(day, shown)
    }
    return shown
  }
}
const dayLong = dayIn('d MMMM yyyy')
const dayLongWithDay = dayIn('EEEE d MMMM yyyy')

/** '2024-01-25' or a Date → '25 January 2024' (GOV.UK date style). */
export function longDate(value: string | Date | null | undefined): string {
  if (!value) return ''
  return typeof value === 'string' ? dayLong(value) : format(new TZDate(value, LONDON), 'd MMMM yyyy')
}

/** '2024-01-25' → 'Thursday 25 January 2024'. */
export function longDateWithDay(value: string | null | undefined): string {
  if (!value) return ''
  return dayLongWithDay(value)
}

/**
 * '22 January 2024 at 6:05pm' in Europe/London. `onDay` ('YYYY-MM-DD'), when given, is the day to show
 * instead of the instant's own: the app's pinned date when the change was made (the demo's), at the time
 * of day it was made.
 */
export function dateTime(value: Date | string | null | undefined, onDay?: string | null): string {
  if (!value) return ''
  const date = new TZDate(typeof value === 'string' ? new Date(value) : value, LONDON)
  const day = onDay ? longDate(onDay) : format(date, 'd MMMM yyyy')
  return `${day} at ${timeOfDay(date)}`
}

/** An instant's time in Europe/London: '6:05pm', '6pm'. */
export function timeOfDay(value: Date): string {
  return format(new TZDate(value, LONDON), 'h:mmaaa').replace(':00', '')
}

/** '18:00' → '6pm'; '18:30' → '6:30pm' (GOV.UK time style). */
export function clockTime(value: string | null | undefined): string {
  if (!value) return ''
  const [h, m] = value.split(':').map(Number)
  const suffix = h >= 12 ? 'pm' : 'am'
  const hour = h % 12 === 0 ? 12 : h % 12
  if (h === 12 && m === 0) return 'midday'
  return m === 0 ? `${hour}${suffix}` : `${hour}:${String(m).padStart(2, '0')}${suffix}`
}

/** A number of bytes as GOV.UK writes file sizes: '512 bytes', '14KB', '3.4MB', '1.2GB'. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)}KB`
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)}MB`
  return `${(bytes / 1024 ** 3).toFixed(1)}GB`
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/**
 * Text made safe for HTML content and attribute values, for markup built outside templates; characters
 * beyond Latin-1 written as references, as the templates write them (one-byte.ts).
 */
const ESCAPED = /[&<>"']|[^\x00-\xff]/gu
export const escapeHtml = (text: string) => escapeOneByte(text, ESCAPED, ESCAPES)
const escape = escapeHtml

/**
 * Officer-written plain text → safe HTML: blank lines make paragraphs, lines starting
 * "- " or "1. " make lists. Everything is escaped first; no HTML from users gets through.
 */
export function plainText(value: string | null | undefined): nunjucks.runtime.SafeString {
  if (!value) return new nunjucks.runtime.SafeString('')
  const blocks = value
    .replace(/\r\n/g, '\n')
    .trim()
    .split(/\n\s*\n/)
  const html = blocks.map((block) => {
    const lines = block.split('\n').map((line) => line.trim())
    if (lines.every((line) => /^[-*•]\s+/.test(line))) {
      const items = lines.map((line) => `<li>${escape(line.replace(/^[-*•]\s+/, ''))}</li>`)
      return `<ul class="govuk-list govuk-list--bullet">${items.join('')}</ul>`
    }
    if (lines.every((line) => /^\d+\.\s+/.test(line))) {
      const items = lines.map((line) => `<li>${escape(line.replace(/^\d+\.\s+/, ''))}</li>`)
      return `<ol class="govuk-list govuk-list--number">${items.join('')}</ol>`
    }
    return `<p class="govuk-body">${lines.map(escape).join('<br>')}</p>`
  })
  return new nunjucks.runtime.SafeString(html.join('\n'))
}

/**
 * An agenda item's heading: '4a. Title', '12. Title' (the council's own full stop kept, not doubled),
 * or the title alone when the item has no number.
 */
export function itemHeading(item: { number: string | null; title: string }): string {
  if (!item.number) return item.title
  return `${item.number}${item.number.endsWith('.') ? '' : '.'} ${item.title}`
}

/** How a sentence names an agenda item: 'item 4a', or by its title when it has no number. */
export function itemReference(item: { number: string | null; title: string }): string {
  return item.number ? `item ${item.number}` : `item “${item.title}”`
}

/** 'Imported from Modern.gov (id 2001) on 30 November 2026': the line an imported record's page shows. */
export function importedFrom(source: RecordSource | null | undefined): string {
  if (!source) return ''
  return `Imported from ${SOURCE_SYSTEMS[source.system]} (id ${source.id}) on ${longDate(source.importedAt)}`
}

export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter('longDate', longDate)
  env.addFilter('importedFrom', importedFrom)
  env.addFilter('longDateWithDay', longDateWithDay)
  env.addFilter('dateTime', dateTime)
  env.addFilter('clockTime', clockTime)
  env.addFilter('plainText', plainText)
  env.addFilter('fileSize', fileSize)
  env.addFilter('itemHeading', itemHeading)
  env.addFilter('itemReference', itemReference)
  // 12,345: whole numbers with the thousands marked, as GOV.UK writes them.
  env.addFilter('formatNumber', (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en-GB') : value))
  // Nunjucks' capitalize lowers the rest ("for january 2024"); this leaves it as written.
  env.addFilter('sentenceCase', (value: string | number | null | undefined) => {
    const text = String(value ?? '')
    return text.charAt(0).toUpperCase() + text.slice(1)
  })
}
