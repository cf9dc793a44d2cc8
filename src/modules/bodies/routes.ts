import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import type { SourceOf } from '#src/platform/provenance/source.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { groupByKind } from './body-kinds.ts'
import { CO_OPTION_CATEGORY_LABELS, MEMBERSHIP_ROLE_LABELS, VOTING_RIGHTS_LABELS } from './membership.ts'
import {
  BODY_KINDS,
  CO_OPTION_CATEGORIES,
  MEMBERSHIP_ROLES,
  PERSON_KINDS,
  VOTING_RIGHTS,
  bodySchema,
  membershipSchema,
  personSchema,
} from './schema.ts'
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

/**
 * A part of a person's page another module contributes (their attendance record and declarations
 * from the minutes): a template and its data, or null to show nothing.
 */
export type PersonPageSection = (
  ctx: Context,
  person: { id: string; slug: string; name: string },
) => Promise<{ template: string; data: unknown } | null>

const views = 'modules/bodies/views'
const bySlug = { schema: { params: pathParams('slug') } }

export function bodiesRoutes(deps: {
  service: BodiesService
  audit: AuditReader
  sources: SourceOf
  meetings: BodyMeetingsProvider
  sections: BodyPageSection[]
  personSections: PersonPageSection[]
}) {
  const { service, audit } = deps
  const kindItems = BODY_KINDS.map((kind) => ({ value: kind, text: kind[0].toUpperCase() + kind.slice(1) }))
  const personKindItems = PERSON_KINDS.map((kind) => ({ value: kind, text: kind[0].toUpperCase() + kind.slice(1) }))
  const roleItems = MEMBERSHIP_ROLES.map((role) => ({ value: role, text: MEMBERSHIP_ROLE_LABELS[role] }))
  const votingRightsItems = VOTING_RIGHTS.map((rights) => ({ value: rights, text: VOTING_RIGHTS_LABELS[rights] }))
  const categoryItems = CO_OPTION_CATEGORIES.map((category) => ({
    value: category,
    text: CO_OPTION_CATEGORY_LABELS[category],
  }))
  const labels = {
    roleLabels: MEMBERSHIP_ROLE_LABELS,
    votingRightsLabels: VOTING_RIGHTS_LABELS,
    categoryLabels: CO_OPTION_CATEGORY_LABELS,
  }

  /** The body form, new (no body) or to change one; any other body may be its parent. */
  const bodyForm = async (
    reply: FastifyReply,
    ctx: Context,
    body: { id: string } | null,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => {
    const others = (await service.listBodies(ctx)).filter((other) => other.id !== body?.id)
    const parentItems = [
      { value: '', text: 'None' },
      ...others.map((other) => ({ value: other.id, text: other.name, selected: values.parentId === other.id })),
    ]
    return reply.page(`${views}/body-form.njk`, { body, values, kindItems, parentItems, ...errors }, formStatus(errors))
  }

  const personForm = (reply: FastifyReply, person: object | null, values: FormValues, errors: FieldErrors = noErrors) =>
    reply.page(
      `${views}/person-form.njk`,
      { person, values, personKindItems, categoryItems, ...errors },
      formStatus(errors),
    )

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/bodies', async (request, reply) => {
      const bodies = await service.listBodies(request.ctx)
      return reply.page(`${views}/list.njk`, { groups: groupByKind(bodies), canEdit: can(request.user, 'bodies:edit') })
    })

    app.get('/bodies/new', async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      return bodyForm(reply, request.ctx, null, {})
    })

    app.post('/bodies', async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      return submitForm(request, reply, {
        schema: bodySchema,
        confirmation: 'Body added',
        save: (input) => service.createBody(request.ctx, input),
        render: (values, errors) => bodyForm(reply, request.ctx, null, values, errors),
        redirect: (body) => `/bodies/${body.slug}`,
      })
    })

    app.get('/bodies/:slug', bySlug, async (request, reply) => {
      const body = await service.getBody(request.ctx, request.params.slug)
      const [meetings, history, source] = await Promise.all([
        deps.meetings.meetingsOfBody(request.ctx, body.id),
        audit.historyOf(request.ctx, 'body', body.id),
        deps.sources(request.ctx, 'body', body.id),
      ])
      const page = { body, nextMeeting: meetings.upcoming[0] ?? null, previousMeeting: meetings.past[0] ?? null }
      const sections = (await Promise.all(deps.sections.map((section) => section(request.ctx, page)))).filter(Boolean)
      return reply.page(`${views}/show.njk`, {
        body,
        meetings,
        sections,
        history,
        source,
        ...labels,
        canEdit: can(request.user, 'bodies:edit'),
        canEditMeetings: can(request.user, 'meetings:edit'),
      })
    })

    app.get('/bodies/:slug/edit', bySlug, async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      const body = await service.getBody(request.ctx, request.params.slug)
      return bodyForm(reply, request.ctx, body, { ...body, ...versionValue(body) })
    })

    app.post('/bodies/:slug/edit', bySlug, async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      const body = await service.getBody(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: bodySchema,
        confirmation: 'Body updated',
        save: (input, version) => service.updateBody(request.ctx, body.id, version, input),
        render: (values, errors) => bodyForm(reply, request.ctx, body, values, errors),
        redirect: () => `/bodies/${body.slug}`,
      })
    })

    const membershipForm = async (
      reply: FastifyReply,
      ctx: Context,
      body: object,
      values: FormValues,
      errors: FieldErrors = noErrors,
    ) =>
      reply.page(
        `${views}/membership-form.njk`,
        { body, people: await service.listPeople(ctx), roleItems, votingRightsItems, values, ...errors },
        formStatus(errors),
      )

    app.get('/bodies/:slug/members/new', bySlug, async (request, reply) => {
      assertCan(request.user, 'bodies:edit')
      const body = await service.getBody(request.ctx, request.params.slug)
      return membershipForm(reply, request.ctx, body, {})
    })

    app.post('/bodies/:slug/members', bySlug, async (request, reply) => {
      assertCan(request.user, 'bodies:edit') // before reading the form: no errors shown to those who may not send it
      const body = await service.getBody(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: membershipSchema,
        confirmation: 'Member added',
        save: (input) => service.addMembership(request.ctx, body.id, input),
        render: (values, errors) => membershipForm(reply, request.ctx, body, values, errors),
        redirect: () => `/bodies/${body.slug}`,
      })
    })

    app.get('/people', async (request, reply) => {
      const people = await service.listPeople(request.ctx)
      return reply.page(`${views}/people.njk`, { people, canEdit: can(request.user, 'people:edit') })
    })

    app.get('/people/new', async (request, reply) => {
      assertCan(request.user, 'people:edit')
      return personForm(reply, null, {})
    })

    app.post('/people', async (request, reply) => {
      assertCan(request.user, 'people:edit') // before reading the form: no errors shown to those who may not send it
      return submitForm(request, reply, {
        schema: personSchema,
        confirmation: 'Person added',
        save: (input) => service.createPerson(request.ctx, input),
        render: (values, errors) => personForm(reply, null, values, errors),
        redirect: (person) => `/people/${person.slug}`,
      })
    })

    app.get('/people/:slug', bySlug, async (request, reply) => {
      const person = await service.getPerson(request.ctx, request.params.slug)
      const [history, personSections, source] = await Promise.all([
        audit.historyOf(request.ctx, 'person', person.id),
        Promise.all(deps.personSections.map((section) => section(request.ctx, person))),
        deps.sources(request.ctx, 'person', person.id),
      ])
      return reply.page(`${views}/person.njk`, {
        person,
        history,
        personSections: personSections.filter(Boolean),
        source,
        ...labels,
        canEdit: can(request.user, 'people:edit'),
      })
    })

    app.get('/people/:slug/edit', bySlug, async (request, reply) => {
      assertCan(request.user, 'people:edit')
      const person = await service.getPerson(request.ctx, request.params.slug)
      return personForm(reply, person, { ...person, ...versionValue(person) })
    })

    app.post('/people/:slug/edit', bySlug, async (request, reply) => {
      assertCan(request.user, 'people:edit') // before reading the form: no errors shown to those who may not send it
      const person = await service.getPerson(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: personSchema,
        confirmation: 'Person updated',
        save: (input, version) => service.updatePerson(request.ctx, person.id, version, input),
        render: (values, errors) => personForm(reply, person, values, errors),
        redirect: () => `/people/${person.slug}`,
      })
    })
  }
}
