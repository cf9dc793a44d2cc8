import type { FastifyInstance } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { attempt, formStatus, parseForm } from '#src/platform/forms/errors.ts'
import { MEMBERSHIP_ROLE_LABELS } from './membership.ts'
import { BODY_KINDS, MEMBERSHIP_ROLES, PERSON_KINDS, bodySchema, membershipSchema, personSchema } from './schema.ts'
import type { BodiesService } from './service.ts'

/** What the body page shows of its meetings; the meetings module provides it. */
export interface BodyMeetingsProvider {
  meetingsOfBody(
    ctx: Context,
    bodyId: string,
  ): Promise<{ upcoming: { date: string; slug: string }[]; past: { date: string; slug: string }[] }>
}

/** The body as a page section sees it, with its next and previous meetings. */
export interface BodyPageContext {
  body: { id: string; slug: string; name: string }
  nextMeeting: { date: string; slug: string } | null
  previousMeeting: { date: string; slug: string } | null
}

/**
 * A part of the body page another module contributes ("before the meeting": the next agenda,
 * recommendations needing attention, decisions, …): a template and its data, or null to show nothing.
 */
export type BodyPageSection = (
  ctx: Context,
  page: BodyPageContext,
) => Promise<{ template: string; data: unknown } | null>

const views = 'modules/bodies/views'
type Body = Record<string, string | undefined>

export function bodiesRoutes(deps: {
  service: BodiesService
  audit: AuditReader
  meetings: BodyMeetingsProvider
  sections: BodyPageSection[]
}) {
  const { service, audit } = deps
  const kindItems = BODY_KINDS.map((kind) => ({ value: kind, text: kind[0].toUpperCase() + kind.slice(1) }))
  const personKindItems = PERSON_KINDS.map((kind) => ({ value: kind, text: kind[0].toUpperCase() + kind.slice(1) }))
  const roleItems = MEMBERSHIP_ROLES.map((role) => ({ value: role, text: MEMBERSHIP_ROLE_LABELS[role] }))

  return async function (app: FastifyInstance) {
    app.get('/bodies', async (request, reply) => {
      const bodies = await service.listBodies(request.ctx)
      return reply.page(`${views}/list.njk`, { bodies, canEdit: can(request.user, 'bodies:edit') })
    })

    app.get('/bodies/new', async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      return reply.page(`${views}/body-form.njk`, { values: {}, kindItems })
    })

    app.post('/bodies', async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      const values = request.body as Body
      const parsed = parseForm(bodySchema, values)
      const result = parsed.ok ? await attempt(() => service.createBody(request.ctx, parsed.value)) : parsed
      if (!result.ok) return reply.page(`${views}/body-form.njk`, { values, kindItems, ...result }, 400)
      return reply.redirect(`/bodies/${result.value.slug}`, 303)
    })

    app.get('/bodies/:slug', async (request, reply) => {
      const { slug } = request.params as { slug: string }
      const body = await service.getBody(request.ctx, slug)
      const [meetings, history] = await Promise.all([
        deps.meetings.meetingsOfBody(request.ctx, body.id),
        audit.historyOf(request.ctx, 'body', body.id),
      ])
      const page = { body, nextMeeting: meetings.upcoming[0] ?? null, previousMeeting: meetings.past[0] ?? null }
      const sections = (await Promise.all(deps.sections.map((section) => section(request.ctx, page)))).filter(Boolean)
      return reply.page(`${views}/show.njk`, {
        body,
        meetings,
        sections,
        history,
        roleLabels: MEMBERSHIP_ROLE_LABELS,
        canEdit: can(request.user, 'bodies:edit'),
        canEditMeetings: can(request.user, 'meetings:edit'),
      })
    })

    app.get('/bodies/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      const body = await service.getBody(request.ctx, (request.params as { slug: string }).slug)
      return reply.page(`${views}/body-form.njk`, { body, values: { ...body, ...versionValue(body) }, kindItems })
    })

    app.post('/bodies/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      const body = await service.getBody(request.ctx, (request.params as { slug: string }).slug)
      const values = request.body as Body
      const parsed = parseForm(bodySchema, values)
      const version = submittedVersion(values)
      const result = parsed.ok
        ? await attempt(() => service.updateBody(request.ctx, body.id, version, parsed.value))
        : parsed
      if (!result.ok)
        return reply.page(`${views}/body-form.njk`, { body, values, kindItems, ...result }, formStatus(result))
      return reply.redirect(`/bodies/${body.slug}`, 303)
    })

    app.get('/bodies/:slug/members/new', async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      const body = await service.getBody(request.ctx, (request.params as { slug: string }).slug)
      const people = await service.listPeople(request.ctx)
      return reply.page(`${views}/membership-form.njk`, { body, people, roleItems, values: {} })
    })

    app.post('/bodies/:slug/members', async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      const body = await service.getBody(request.ctx, (request.params as { slug: string }).slug)
      const values = request.body as Body
      const parsed = parseForm(membershipSchema, values)
      const result = parsed.ok ? await attempt(() => service.addMembership(request.ctx, body.id, parsed.value)) : parsed
      if (!result.ok) {
        const people = await service.listPeople(request.ctx)
        return reply.page(`${views}/membership-form.njk`, { body, people, roleItems, values, ...result }, 400)
      }
      return reply.redirect(`/bodies/${body.slug}`, 303)
    })

    app.get('/people', async (request, reply) => {
      const people = await service.listPeople(request.ctx)
      return reply.page(`${views}/people.njk`, { people, canEdit: can(request.user, 'people:edit') })
    })

    app.get('/people/new', async (request, reply) => {
      assertCan(request.user, 'people:edit')
      return reply.page(`${views}/person-form.njk`, { values: {}, personKindItems })
    })

    app.post('/people', async (request, reply) => {
      assertCan(request.user, 'people:edit') // before reading the form: no errors shown to those who may not send it
      const values = request.body as Body
      const parsed = parseForm(personSchema, values)
      const result = parsed.ok ? await attempt(() => service.createPerson(request.ctx, parsed.value)) : parsed
      if (!result.ok) return reply.page(`${views}/person-form.njk`, { values, personKindItems, ...result }, 400)
      return reply.redirect(`/people/${result.value.slug}`, 303)
    })

    app.get('/people/:slug', async (request, reply) => {
      const person = await service.getPerson(request.ctx, (request.params as { slug: string }).slug)
      const history = await audit.historyOf(request.ctx, 'person', person.id)
      return reply.page(`${views}/person.njk`, {
        person,
        history,
        roleLabels: MEMBERSHIP_ROLE_LABELS,
        canEdit: can(request.user, 'people:edit'),
      })
    })

    app.get('/people/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'people:edit')
      const person = await service.getPerson(request.ctx, (request.params as { slug: string }).slug)
      return reply.page(`${views}/person-form.njk`, {
        person,
        values: { ...person, ...versionValue(person) },
        personKindItems,
      })
    })

    app.post('/people/:slug/edit', async (request, reply) => {
      assertCan(request.user, 'people:edit') // before reading the form: no errors shown to those who may not send it
      const person = await service.getPerson(request.ctx, (request.params as { slug: string }).slug)
      const values = request.body as Body
      const parsed = parseForm(personSchema, values)
      const version = submittedVersion(values)
      const result = parsed.ok
        ? await attempt(() => service.updatePerson(request.ctx, person.id, version, parsed.value))
        : parsed
      if (!result.ok) {
        return reply.page(
          `${views}/person-form.njk`,
          { person, values, personKindItems, ...result },
          formStatus(result),
        )
      }
      return reply.redirect(`/people/${person.slug}`, 303)
    })
  }
}
