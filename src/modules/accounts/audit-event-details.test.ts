import { describe, expect, it } from 'vitest'
import { auditJson, changedFields, fieldLabel, withAuditJson } from './audit-event-details.ts'

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
      changes: [{ field: 'Name', before: '', after: '<b>Ann</b>' }],
      beforeJson: null,
      afterJson: '{\n  "name": "<b>Ann</b>"\n}',
    })
  })
})

describe('changedFields', () => {
  it('lists only the fields whose value changed, named as a person reads them', () => {
    expect(
      changedFields(
        { title: 'Fostering', dueOn: '2024-01-31', exempt_paragraph: null, leads: ['A'] },
        { title: 'Fostering', dueOn: '2024-03-31', exempt_paragraph: 3, leads: ['A', 'B'] },
      ),
    ).toEqual([
      { field: 'Due on', before: '2024-01-31', after: '2024-03-31' },
      { field: 'Exempt paragraph', before: '(blank)', after: '3' },
      { field: 'Leads', before: '["A"]', after: '["A","B"]' },
    ])
  })
  it('lists every field of a record made or removed', () => {
    expect(changedFields(null, { name: 'Ann', role: '' })).toEqual([
      { field: 'Name', before: '', after: 'Ann' },
      { field: 'Role', before: '', after: '(blank)' },
    ])
    expect(changedFields('{"name":"Ann"}', null)).toEqual([{ field: 'Name', before: 'Ann', after: '' }])
  })
  it('lists nothing for values that are not records, and shortens long ones', () => {
    expect(changedFields(null, null)).toEqual([])
    expect(changedFields('not json', 3)).toEqual([])
    const [long] = changedFields({ text: 'a'.repeat(400) }, { text: 'b' })
    expect(long?.before).toHaveLength(301)
  })
  it('names fields in sentence case', () => {
    expect(fieldLabel('personId')).toBe('Person id')
    expect(fieldLabel('exempt_paragraph')).toBe('Exempt paragraph')
  })
})
