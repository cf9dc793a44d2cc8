import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The emails Oversight sends, one template each. Their text lives in `templates/*.txt`, written as GOV.UK
 * Notify templates are (`((placeholder))`), so that the same text is pasted into Notify and used here to
 * write the copy kept in the outbox: what an admin reads there is what Notify sends.
 */
export const MESSAGE_KINDS = {
  'update request': { file: 'update-request.txt', fields: ['name', 'body_name', 'meeting_date', 'items'] },
  'update reminder': { file: 'update-reminder.txt', fields: ['name', 'body_name', 'meeting_date', 'items'] },
  'overdue digest': { file: 'overdue-digest.txt', fields: ['name', 'count', 'week_to', 'week_to_with_day', 'items'] },
  'alert confirmation': { file: 'alert-confirmation.txt', fields: ['body_name', 'confirm_url'] },
  alert: { file: 'alert.txt', fields: ['body_name', 'title', 'url', 'unsubscribe_url'] },
} as const

export type MessageKind = keyof typeof MESSAGE_KINDS

/** What fills a kind's placeholders: text, or a list (Notify shows it as bullets). */
export type Personalisation<K extends MessageKind = MessageKind> = Record<
  (typeof MESSAGE_KINDS)[K]['fields'][number],
  string | string[]
>

export interface Template {
  subject: string
  body: string
}

/** Reads a template file: its first line is `Subject: …`, then a blank line, then the body. */
export function parseTemplate(text: string, file = 'template'): Template {
  const match = /^Subject: (.+)\r?\n\r?\n([\s\S]+?)\s*$/.exec(text)
  if (!match) throw new Error(`${file} must start with "Subject: …" and a blank line before the body`)
  return { subject: match[1].trim(), body: match[2] }
}

const folder = join(import.meta.dirname, 'templates')
const templates = Object.fromEntries(
  Object.entries(MESSAGE_KINDS).map(([kind, { file }]) => [
    kind,
    parseTemplate(readFileSync(join(folder, file), 'utf8'), file),
  ]),
) as Record<MessageKind, Template>

/** The template of a kind of message, as it is to be set up in GOV.UK Notify. */
export function templateOf(kind: MessageKind): Template {
  return templates[kind]
}

/**
 * Fills the placeholders as Notify does: a list becomes one `- ` line an entry. Every placeholder
 * must have its value, and every value its placeholder: a mismatch is a mistake in the code.
 */
export function fill(text: string, personalisation: Record<string, string | string[]>): string {
  return text.replace(/\(\(([a-z_]+)\)\)/g, (_whole, key: string) => {
    const value = personalisation[key]
    if (value === undefined) throw new Error(`No value for ((${key}))`)
    return Array.isArray(value) ? value.map((entry) => `- ${entry}`).join('\n') : value
  })
}

/** The subject and body of a message of this kind, as Notify would write them from the same values. */
export function compose<K extends MessageKind>(kind: K, personalisation: Personalisation<K>): Template {
  const template = templateOf(kind)
  const values = personalisation as Record<string, string | string[]>
  const expected = [...MESSAGE_KINDS[kind].fields].sort()
  const given = Object.keys(values).sort()
  if (expected.join() !== given.join())
    throw new Error(`The ${kind} template needs ${expected.join(', ')}; given ${given.join(', ')}`)
  return { subject: fill(template.subject, values), body: fill(template.body, values) }
}
