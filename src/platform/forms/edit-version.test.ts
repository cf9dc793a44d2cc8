import { describe, expect, it } from 'vitest'
import { EditConflictError, type EditConflict } from '#src/platform/http/errors.ts'
import { conflictErrors, editConflictMessage, submittedVersion, whenChanged } from './edit-version.ts'

const conflict = (fields: Partial<EditConflict> = {}): EditConflict => ({
  what: 'This meeting',
  subjectType: 'meeting',
  subjectId: 'a-meeting',
  recordId: 'a-meeting',
  expected: 3,
  current: 4,
  changedBy: 'Jane Smith',
  changedAt: new Date('2024-01-22T10:42:00Z'),
  ...fields,
})
const now = new Date('2024-01-22T16:00:00Z')
const notSaved = 'Your changes have not been saved: check the current version, then save again.'

describe('submittedVersion', () => {
  it.each([
    ['3', 3],
    ['0', 0],
    ['', null],
    [undefined, null],
    ['3.5', null],
    ['-1', null],
    ['1e3', null],
    [['3', '4'], null],
    ['9999999999', null],
  ])('reads %j as %j', (value, expected) => {
    expect(submittedVersion({ _version: value })).toBe(expected)
  })

  it('reads nothing from no body', () => {
    expect(submittedVersion(undefined)).toBeNull()
  })
})

describe('whenChanged', () => {
  it('gives the time alone today, in Europe/London', () => {
    expect(whenChanged(new Date('2024-01-22T10:42:00Z'), now)).toBe('at 10:42am')
    expect(whenChanged(new Date('2024-07-01T17:00:00Z'), new Date('2024-07-01T20:00:00Z'))).toBe('at 6pm')
  })

  it('gives the date too before today, by the London day (British Summer Time)', () => {
    expect(whenChanged(new Date('2024-01-21T23:59:00Z'), now)).toBe('on 21 January 2024 at 11:59pm')
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: the same London day as 1 July's evening.
    expect(whenChanged(new Date('2024-06-30T23:30:00Z'), new Date('2024-07-01T20:00:00Z'))).toBe('at 12:30am')
  })
})

describe('editConflictMessage', () => {
  it('names who changed the record and when', () => {
    expect(editConflictMessage(conflict(), now)).toBe(
      `This meeting was changed by Jane Smith at 10:42am after you opened it. ${notSaved}`,
    )
  })

  it('speaks of figures in the plural', () => {
    const figures = conflict({ what: 'The figures for October 2023', plural: true })
    expect(editConflictMessage(figures, now)).toBe(
      `The figures for October 2023 were changed by Jane Smith at 10:42am after you opened them. ${notSaved}`,
    )
  })

  it('says someone else when the audit trail does not know who', () => {
    expect(editConflictMessage(conflict({ changedBy: null, changedAt: null }), now)).toBe(
      `This meeting was changed by someone else after you opened it. ${notSaved}`,
    )
  })

  it('does not claim a change when the form gave no version', () => {
    expect(editConflictMessage(conflict({ expected: null }), now)).toBe(
      `This form does not say which version of this meeting it was opened at. ${notSaved}`,
    )
  })
})

describe('conflictErrors', () => {
  it('shows the form again with status 409, the message in the summary and the current version', () => {
    const shown = conflictErrors(new EditConflictError(conflict()), now)
    expect(shown.status).toBe(409)
    expect(shown.errorSummary).toEqual([
      {
        text: `This meeting was changed by Jane Smith at 10:42am after you opened it. ${notSaved}`,
        href: '#edit-conflict',
      },
    ])
    expect(shown.editConflict).toMatchObject({ current: 4, linkText: 'See the current version of this meeting' })
  })
})
