import { describe, expect, it } from 'vitest'
import type { Role, User } from '#src/platform/auth/user.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { assertAgendaReadable, mayReadAgenda } from './visibility.ts'

const as = (role: Role): User => ({ id: 'u', email: 'u@example.org', name: 'U', role, personId: null, sessionId: 's' })
const draft = { agendaPublishedOn: null }
const published = { agendaPublishedOn: '2024-01-16' }

describe('mayReadAgenda', () => {
  it.each([
    { meeting: draft, user: null, readable: false },
    { meeting: draft, user: as('member'), readable: false },
    { meeting: draft, user: as('analyst'), readable: false },
    { meeting: draft, user: as('officer'), readable: true },
    { meeting: draft, user: as('scrutiny_officer'), readable: true },
    { meeting: draft, user: as('admin'), readable: true },
    { meeting: published, user: null, readable: true },
    { meeting: published, user: as('member'), readable: true },
  ])('agenda published on $meeting.agendaPublishedOn to $user.role: $readable', ({ meeting, user, readable }) => {
    expect(mayReadAgenda(user, meeting)).toBe(readable)
  })

  it('answers a draft as a missing record to those who may not see it', () => {
    expect(() => assertAgendaReadable(as('member'), draft, 'Report')).toThrow(NotFoundError)
    expect(() => assertAgendaReadable(as('officer'), draft, 'Report')).not.toThrow()
  })
})
