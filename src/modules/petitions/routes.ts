import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { dateParts } from '#src/platform/forms/fields.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import type { PetitionRow } from './repository.ts'
import { PETITION_FIELDS, petitionSchema } from './schema.ts'
import type { PetitionsService } from './service.ts'

const views = 'modules/petitions/views'
const bySlug = { schema: { params: pathParams('slug') } }
const DATES = ['presentedOn', 'respondedOn'] as const

/** A stored petition as its form shows it. */
function petitionValues(petition: PetitionRow): FormValues {
  const date = (name: string, value: string | null) => {
    const parts = dateParts(value)
    return { [`${name}-day`]: parts.day, [`${name}-month`]: parts.month, [`${name}-year`]: parts.year }
  }
  return {
    title: petition.title,
    leadPetitioner: petition.leadPetitioner,
    leadNamed: petition.leadNamed ? 'yes' : '',
    paperSignatures: String(petition.paperSignatures),
    ePetitionSignatures: String(petition.ePetitionSignatures),
    bodyId: petition.bodyId ?? '',
    threshold: petition.threshold,
    response: petition.response,
    ...date('presentedOn', petition.presentedOn),
    ...date('respondedOn', petition.respondedOn),
    ...versionValue(petition),
  }
}

/** Petitions: the public list and pages, and the scrutiny officers' forms. */
export function petitionsRoutes(deps: { service: PetitionsService; audit: AuditReader }) {
  const { service, audit } = deps

  /** The form for a new petition (no slug), or to change one. */
  async function form(
    ctx: Context,
    reply: FastifyReply,
    slug: string | null,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const petition = slug ? await service.toEdit(ctx, slug) : null
    const bodies = await service.bodies(ctx)
    const shown = values ?? (petition ? petitionValues(petition) : {})
    return reply.page(`${views}/form.njk`, { petition, bodies, values: shown, ...errors }, formStatus(errors))
  }

  const posted = { dates: DATES, order: PETITION_FIELDS }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/petitions', async (request, reply) => {
      const petitions = await service.list(request.ctx)
      return reply.page(`${views}/list.njk`, { petitions, canEdit: can(request.user, 'petitions:edit') })
    })

    app.get('/petitions/new', (request, reply) => form(request.ctx, reply, null, {}))

    app.post('/petitions', async (request, reply) => {
      assertCan(request.user, 'petitions:edit')
      return submitForm(request, reply, {
        schema: petitionSchema,
        ...posted,
        confirmation: 'Petition added',
        save: (input) => service.add(request.ctx, input),
        render: (values, errors) => form(request.ctx, reply, null, values, errors),
        redirect: (added) => `/petitions/${added.slug}`,
      })
    })

    app.get('/petitions/:slug', bySlug, async (request, reply) => {
      const petition = await service.petition(request.ctx, request.params.slug)
      const history = await audit.historyOf(request.ctx, 'petition', petition.id)
      return reply.page(`${views}/petition.njk`, { petition, history, canEdit: can(request.user, 'petitions:edit') })
    })

    app.get('/petitions/:slug/edit', bySlug, (request, reply) => form(request.ctx, reply, request.params.slug, null))

    app.post('/petitions/:slug/edit', bySlug, async (request, reply) => {
      assertCan(request.user, 'petitions:edit')
      const slug = request.params.slug
      return submitForm(request, reply, {
        schema: petitionSchema,
        ...posted,
        confirmation: 'Petition updated',
        save: (input, version) => service.change(request.ctx, slug, version, input),
        render: (values, errors) => form(request.ctx, reply, slug, values, errors),
        redirect: () => `/petitions/${slug}`,
      })
    })
  }
}
