import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MESSAGE_KINDS, type MessageKind, compose, fill, parseTemplate, templateOf } from './templates.ts'

describe('the email templates', () => {
  it('each uses exactly the placeholders its kind is given', () => {
    for (const [kind, { fields }] of Object.entries(MESSAGE_KINDS)) {
      const template = templateOf(kind as MessageKind)
      const used = new Set([...`${template.subject}\n${template.body}`.matchAll(/\(\(([a-z_]+)\)\)/g)].map((m) => m[1]))
      expect([...used].sort(), kind).toEqual([...fields].sort())
    }
  })

  it('reads the subject from the first line and the body after the blank line', () => {
    const text = readFileSync(join(import.meta.dirname, 'templates', 'alert.txt'), 'utf8')
    expect(parseTemplate(text).subject).toBe('((body_name)): ((title))')
    expect(parseTemplate(text).body).toMatch(/^\(\(body_name\)\) has published/)
    expect(() => parseTemplate('Dear ((name)),')).toThrow('must start with "Subject: …"')
  })

  it('fills text and lists as Notify shows them', () => {
    expect(fill('Hello ((name)).\n\n((items))', { name: 'Ann', items: ['one', 'two'] })).toBe(
      'Hello Ann.\n\n- one\n- two',
    )
    expect(() => fill('Hello ((name))', {})).toThrow('No value for ((name))')
  })

  it('composes a message, and refuses values that do not match the template', () => {
    const message = compose('alert', {
      body_name: 'Scrutiny',
      title: 'Minutes of the meeting on Thursday 25 January 2024',
      url: 'https://example.org/m',
      unsubscribe_url: 'https://example.org/u',
    })
    expect(message.subject).toBe('Scrutiny: Minutes of the meeting on Thursday 25 January 2024')
    expect(message.body).toContain('Read it here: https://example.org/m')
    expect(() => compose('alert', { body_name: 'Scrutiny', title: 'x', url: 'u' } as never)).toThrow(
      'The alert template needs body_name, title, unsubscribe_url, url',
    )
  })
})
