import { describe, expect, it } from 'vitest'
import { auditJson, withAuditJson } from './audit-event-details.ts'

describe('auditJson', () => {
  it.each([
    ['nothing recorded', null, null],
    ['an absent value', undefined, null],
    ['an object, indented', { role: 'admin', personId: null }, '{\n  "role": "admin",\n  "personId": null\n}'],
    ['jsonb left as text', '{"role":"admin"}', '{\n  "role": "admin"\n}'],
    ['a plain string', 'not json', '"not json"'],
    ['a number', 3, '3'],
  ])('shows %s', (_case, value, expected) => {
    expect(auditJson(value)).toBe(expected)
  })

  it('adds both sides to an event and keeps the rest', () => {
    const event = withAuditJson({ id: 1, before: null, after: { name: '<b>Ann</b>' } })
    expect(event).toEqual({
      id: 1,
      before: null,
      after: { name: '<b>Ann</b>' },
      beforeJson: null,
      afterJson: '{\n  "name": "<b>Ann</b>"\n}',
    })
  })
})
