import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { findingSchema, inspectionSchema, planSchema, themeSchema } from './schema.ts'
import type { ImprovementService } from './service.ts'
import { FINDING_KINDS, JUDGEMENTS } from './tables.ts'

const views = 'modules/improvement/views'
const inspectionDates = ['startedOn', 'endedOn', 'publishedOn'] as const
const planDates = ['startsOn', 'endsOn'] as const
const findingKindItems = FINDING_KINDS.map((value) => ({ value, text: value.replace(/^./, (c) => c.toUpperCase()) }))
const judgementSuggestions = JUDGEMENTS.map((j) => j.replace(/^./, (c) => c.toUpperCase())).join(', ')
const bySlug = { schema: { params: pathParams('slug') } }
const byChild = { schema: { params: pathParams('slug', 'id') } }

type Inspection = NonNullable<Awaited<ReturnType<ImprovementService['inspectionToEdit']>>>
type Finding = NonNullable<Awaited<ReturnType<ImprovementService['findingForm']>>['finding']>
type Theme = NonNullable<Awaited<ReturnType<ImprovementService['themeForm']>>['theme']>

function inspectionValues(inspection: Inspection): FormValues {
  return {
    title: inspection.title,
    kind: inspection.kind,
    inspectorates: inspection.inspectorates,
    overallJudgement: inspection.overallJudgement ?? '',
    judgements: inspection.judgements.map((j) => `${j.area}: ${j.judgement}`).join('\n'),
    summary: inspection.summary,
    ...inspectionDates.reduce((all, name) => ({ ...all, ...dateValues(name, inspection[name]) }), {}),
    ...versionValue(inspection),
  }
}

const findingValues = (finding: Finding): FormValues => ({
  kind: finding.kind,
  number: finding.number,
  text: finding.text,
  ...versionValue(finding),
})

const themeValues = (theme: Theme): FormValues => ({
  number: theme.number,
  title: theme.title,
  lead: theme.lead,
  position: String(theme.position),
  ...versionValue(theme),
})

/**
 * The forms with which a council records its own inspections and their findings, and adds
 * improvement plans and their themes: added to the improvement module's routes.
 */
export function recordsRoutes(instance: FastifyInstance, service: ImprovementService) {
  const app = instance.withTypeProvider<ZodTypeProvider>()

  async function inspectionForm(
    ctx: Context,
    reply: FastifyReply,
    slug: string | null,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const inspection = await service.inspectionToEdit(ctx, slug)
    const shown = values ?? (inspection ? inspectionValues(inspection) : {})
    const data = { inspection, values: shown, judgementSuggestions, ...errors }
    return reply.page(`${views}/inspection-form.njk`, data, formStatus(errors))
  }

  async function findingForm(
    ctx: Context,
    reply: FastifyReply,
    at: { slug: string; id?: string },
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { inspection, finding } = await service.findingForm(ctx, at.slug, at.id)
    const shown = values ?? (finding ? findingValues(finding) : {})
    return reply.page(
      `${views}/finding-form.njk`,
      { inspection, finding, kindItems: findingKindItems, values: shown, ...errors },
      formStatus(errors),
    )
  }

  async function planForm(ctx: Context, reply: FastifyReply, values: FormValues, errors: FieldErrors = noErrors) {
    const { inspections } = await service.planForm(ctx)
    return reply.page(`${views}/plan-form.njk`, { plan: null, inspections, values, ...errors }, formStatus(errors))
  }

  /** The change form of a plan: its details as saved, or as posted when they were refused. */
  async function planEditForm(
    ctx: Context,
    reply: FastifyReply,
    slug: string,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { plan, inspectionIds, inspections } = await service.planToEdit(ctx, slug)
    const shown = values ?? {
      title: plan.title,
      owner: plan.owner,
      ...dateValues('startsOn', plan.startsOn),
      ...dateValues('endsOn', plan.endsOn),
      inspectionIds,
      ...versionValue({ version: plan.editVersion }),
    }
    return reply.page(`${views}/plan-form.njk`, { plan, inspections, values: shown, ...errors }, formStatus(errors))
  }

  async function themeForm(
    ctx: Context,
    reply: FastifyReply,
    at: { slug: string; id?: string },
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { plan, theme } = await service.themeForm(ctx, at.slug, at.id)
    const shown = values ?? (theme ? themeValues(theme) : {})
    return reply.page(`${views}/theme-form.njk`, { plan, theme, values: shown, ...errors }, formStatus(errors))
  }

  app.get('/inspections/new', (request, reply) => inspectionForm(request.ctx, reply, null, {}))

  app.post('/inspections', async (request, reply) => {
    assertCan(request.user, 'inspections:edit')
    return submitForm(request, reply, {
      schema: inspectionSchema,
      dates: inspectionDates,
      confirmation: 'Inspection added',
      save: (input) => service.addInspection(request.ctx, input),
      render: (values, errors) => inspectionForm(request.ctx, reply, null, values, errors),
      redirect: (inspection) => `/inspections/${inspection.slug}`,
    })
  })

  app.get('/inspections/:slug/edit', bySlug, (request, reply) =>
    inspectionForm(request.ctx, reply, request.params.slug, null),
  )

  app.post('/inspections/:slug/edit', bySlug, async (request, reply) => {
    assertCan(request.user, 'inspections:edit')
    const { slug } = request.params
    return submitForm(request, reply, {
      schema: inspectionSchema,
      dates: inspectionDates,
      confirmation: 'Inspection updated',
      save: (input, version) => service.changeInspection(request.ctx, slug, version, input),
      render: (values, errors) => inspectionForm(request.ctx, reply, slug, values, errors),
      redirect: () => `/inspections/${slug}`,
    })
  })

  app.get('/inspections/:slug/findings/new', bySlug, (request, reply) =>
    findingForm(request.ctx, reply, request.params, {}),
  )

  app.post('/inspections/:slug/findings', bySlug, async (request, reply) => {
    assertCan(request.user, 'inspections:edit')
    const { slug } = request.params
    return submitForm(request, reply, {
      schema: findingSchema,
      confirmation: 'Finding added',
      save: (input) => service.addFinding(request.ctx, slug, input),
      render: (values, errors) => findingForm(request.ctx, reply, request.params, values, errors),
      redirect: (finding) => `/inspections/${slug}#finding-${finding.id}`,
    })
  })

  app.get('/inspections/:slug/findings/:id/edit', byChild, (request, reply) =>
    findingForm(request.ctx, reply, request.params, null),
  )

  app.post('/inspections/:slug/findings/:id/edit', byChild, async (request, reply) => {
    assertCan(request.user, 'inspections:edit')
    const { slug, id } = request.params
    return submitForm(request, reply, {
      schema: findingSchema,
      confirmation: 'Finding updated',
      save: (input, version) => service.changeFinding(request.ctx, slug, id, version, input),
      render: (values, errors) => findingForm(request.ctx, reply, request.params, values, errors),
      redirect: () => `/inspections/${slug}#finding-${id}`,
    })
  })

  app.get('/improvement-plans/new', (request, reply) => planForm(request.ctx, reply, {}))

  app.post('/improvement-plans', async (request, reply) => {
    assertCan(request.user, 'improvement:plans')
    return submitForm(request, reply, {
      schema: planSchema,
      dates: planDates,
      confirmation: 'Improvement plan added',
      save: (input) => service.addPlan(request.ctx, input),
      render: (values, errors) => planForm(request.ctx, reply, values, errors),
      redirect: (plan) => `/improvement-plans/${plan.slug}`,
    })
  })

  app.get('/improvement-plans/:slug/edit', bySlug, (request, reply) =>
    planEditForm(request.ctx, reply, request.params.slug, null),
  )

  app.post('/improvement-plans/:slug/edit', bySlug, async (request, reply) => {
    assertCan(request.user, 'improvement:plans')
    const { slug } = request.params
    return submitForm(request, reply, {
      schema: planSchema,
      dates: planDates,
      confirmation: 'Improvement plan updated',
      save: (input, version) => service.changePlan(request.ctx, slug, version, input),
      render: (values, errors) => planEditForm(request.ctx, reply, slug, values, errors),
      redirect: () => `/improvement-plans/${slug}`,
    })
  })

  app.get('/improvement-plans/:slug/themes/new', bySlug, (request, reply) =>
    themeForm(request.ctx, reply, request.params, {}),
  )

  app.post('/improvement-plans/:slug/themes', bySlug, async (request, reply) => {
    const { slug } = request.params
    return submitForm(request, reply, {
      schema: themeSchema,
      confirmation: 'Theme added',
      save: (input) => service.addTheme(request.ctx, slug, input),
      render: (values, errors) => themeForm(request.ctx, reply, request.params, values, errors),
      redirect: ({ theme }) => `/improvement-plans/${slug}#theme-${encodeURIComponent(theme.number)}`,
    })
  })

  app.get('/improvement-plans/:slug/themes/:id/edit', byChild, (request, reply) =>
    themeForm(request.ctx, reply, request.params, null),
  )

  app.post('/improvement-plans/:slug/themes/:id/edit', byChild, async (request, reply) => {
    const { slug, id } = request.params
    return submitForm(request, reply, {
      schema: themeSchema,
      confirmation: 'Theme updated',
      save: (input, version) => service.changeTheme(request.ctx, slug, id, version, input),
      render: (values, errors) => themeForm(request.ctx, reply, request.params, values, errors),
      redirect: ({ theme }) => `/improvement-plans/${slug}#theme-${encodeURIComponent(theme.number)}`,
    })
  })
}

/** What the list and record pages offer the viewer: the links to these forms. */
export function recordsLinks(ctx: Context) {
  return { mayAddInspections: can(ctx.user, 'inspections:edit'), mayAddPlans: can(ctx.user, 'improvement:plans') }
}
