import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { MAX_SPREADSHEET_BYTES, SPREADSHEET_LIMITS_HINT } from '#src/platform/files/limits.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors, singleError } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { acceptUploads, uploadIn } from '#src/platform/forms/upload.ts'
import { type FormValues, postedValues } from '#src/platform/forms/values.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { paginationParams } from '#src/platform/http/pagination.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { keptParts } from '#src/platform/views/kept-parts.ts'
import { indicatorChart, rowChart } from './charts.ts'
import { exportValues, valuesTemplate } from './exchange.ts'
import { describeValue, formatFigure, unitLabel } from './format.ts'
import { createFrameworkPaper, latestReportedPeriod } from './framework-paper.ts'
import type { ImportRefusal } from './import-file.ts'
import type { FigureRow, IndicatorRow, LinkKind, ValueRow } from './repository.ts'
import {
  formatQuerySchema,
  frameworkQuerySchema,
  indicatorQuerySchema,
  indicatorSchema,
  periodSchema,
  populationSchema,
  valueSchema,
} from './schema.ts'
import { periodPage } from './period-pages.ts'
import { periodsShown } from './rules.ts'
import { type IndicatorView, type IndicatorsService, type PeriodFigures } from './service.ts'
import { POLARITIES, UNITS } from './tables.ts'
import { groupsRoutes } from './groups-routes.ts'

const views = 'modules/indicators/views'
const byCode = { schema: { params: pathParams('code') } }
const byPeriod = { schema: { params: pathParams('code', 'period') } }

/** A period's row on its indicator's page, on the page of periods that holds it. */
const figuresOf = (code: string, period: string) =>
  `/outcomes/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}#period-${encodeURIComponent(period)}`

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** A stored value as the form shows it: blank for nothing stored. */
function formValues(value: ValueRow | null): FormValues {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n))
  return {
    target: text(value?.target),
    aspiration: value?.aspiration ?? '',
    actual: value?.actualCount === null || value?.actualCount === undefined ? text(value?.actual) : '',
    count: text(value?.actualCount),
    note: value?.note ?? '',
    england: text(value?.england),
    region: text(value?.region),
    statisticalNeighbours: text(value?.statisticalNeighbours),
    benchmarkSource: value?.benchmarkSource ?? '',
  }
}

/** A stored indicator as its form shows it, or a new one's defaults. */
function indicatorValues(indicator: IndicatorRow | null): FormValues {
  if (!indicator) return { decimals: '0', tolerance: '5', published: 'yes' }
  return {
    ...indicator,
    decimals: String(indicator.decimals),
    tolerance: String(Math.round(indicator.tolerance * 1000) / 10),
    published: indicator.published ? 'yes' : 'no',
    ...versionValue(indicator),
  }
}

const choice = <T extends string>(values: readonly T[], label: (value: T) => string) =>
  values.map((value) => ({ value, text: label(value) }))
const indicatorChoices = {
  unitItems: choice(UNITS, (u) =>
    unitLabel(u)
      .replace(/^a /, '')
      .replace(/^./, (c) => c.toUpperCase()),
  ),
  polarityItems: choice(POLARITIES, (p) =>
    p === 'neither' ? 'Neither: do not rate it' : p.replace(/^./, (c) => c.toUpperCase()),
  ),
}

/** The import page's report of a refused file: the message by the file input, the rows to fix, the rest counted. */
const refusedImport = (refusal: ImportRefusal, fileName: string) => ({
  ...singleError('file', refusal.message),
  ...(refusal.rows.length && {
    rejectedRows: refusal.rows,
    problems: {
      total: refusal.rows.length + refusal.more,
      more: refusal.more,
      text: (n: number) => n.toLocaleString('en-GB'),
    },
    fileName,
  }),
})

/** The outcomes framework: the pages, the analyst's forms, import and export. */
export function indicatorsRoutes(deps: { service: IndicatorsService; audit: AuditReader }) {
  const { service, audit } = deps
  const frameworkPaper = createFrameworkPaper(service)

  async function valueForm(
    ctx: Context,
    reply: FastifyReply,
    at: { code: string; period: string },
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const found = await service.valueToEdit(ctx, at.code, at.period)
    const data = {
      ...found,
      figuresLink: figuresOf(found.indicator.code, found.period.slug),
      values: values ?? { ...formValues(found.value), ...versionValue(found.value) },
      ...errors,
    }
    return reply.page(`${views}/value-form.njk`, data, formStatus(errors))
  }

  async function importPage(ctx: Context, reply: FastifyReply, data: object = {}, status = 200) {
    const { periods } = await service.importTargets(ctx)
    return reply.page(`${views}/import.njk`, { periods, limitsHint: SPREADSHEET_LIMITS_HINT, ...data }, status)
  }

  /** The indicator form: a new one (no code) or a change to one; `values` as posted, or null for the stored. */
  async function indicatorForm(
    ctx: Context,
    reply: FastifyReply,
    code: string | null,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const indicator = code ? await service.indicatorToEdit(ctx, code) : null
    const groupItems = (await service.listGroups(ctx)).map((group) => ({ value: group.key, text: group.name }))
    const data = { indicator, values: values ?? indicatorValues(indicator), ...indicatorChoices, groupItems, ...errors }
    return reply.page(`${views}/indicator-form.njk`, data, formStatus(errors))
  }

  async function periodsPage(ctx: Context, reply: FastifyReply, values: FormValues = {}, errors = noErrors) {
    const periods = await service.periods(ctx)
    return reply.page(`${views}/periods.njk`, { periods, values, ...errors }, formStatus(errors))
  }

  async function populationsPage(ctx: Context, reply: FastifyReply, values: FormValues = {}, errors = noErrors) {
    const populations = await service.populations(ctx)
    return reply.page(`${views}/populations.njk`, { populations, values, ...errors }, formStatus(errors))
  }

  /**
   * A page of the framework's columns and each row's chart: the baselines and the latest periods (the
   * rating uses every period). Made once for each page the service keeps (until the data changes), as
   * it is the same for everyone who is given that page: known by its groups, which are the page's as kept.
   */
  type FrameworkPage = Awaited<ReturnType<IndicatorsService['frameworkPage']>>
  const framedPages = new WeakMap<FrameworkPage['groups'], ReturnType<typeof frame>>()
  const framed = (framework: FrameworkPage) => {
    let made = framedPages.get(framework.groups)
    if (!made) {
      made = frame(framework)
      framedPages.set(framework.groups, made)
    }
    return made
  }
  function frame(framework: FrameworkPage) {
    const shown = new Set(periodsShown(framework.periods).map((period) => period.id))
    const groups = framework.groups.map((group) => ({
      ...group,
      indicators: group.indicators.map((view) => {
        const shownPeriods = view.periods.filter((p) => shown.has(p.period.id))
        return {
          ...view,
          shownPeriods,
          chart: rowChart({ ...view, periods: shownPeriods }),
          describe: (p: PeriodFigures<FigureRow>) => describeValue(p, view),
        }
      }),
    }))
    return {
      shownPeriods: framework.periods.filter((period) => shown.has(period.id)),
      hiddenPeriods: framework.periods.length - shown.size,
      groups,
      paperPeriod: latestReportedPeriod(framework),
    }
  }

  /**
   * An indicator's chart, made once for each indicator the service keeps (until the data changes): the
   * same for everyone who is given it, and known by the kept indicator itself.
   */
  const charts = new WeakMap<IndicatorView, ReturnType<typeof indicatorChart>>()
  const chartOf = (indicator: IndicatorView) => {
    if (!charts.has(indicator)) charts.set(indicator, indicatorChart(indicator))
    return charts.get(indicator)!
  }

  async function indicatorPage(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    errors = noErrors,
    asked: { page?: number; period?: string } = {},
  ) {
    const { indicator, groupLabel } = await service.indicator(request.ctx, code)
    const shown = periodPage(indicator.periods, asked)
    const href = (n: number) => `/outcomes/${encodeURIComponent(indicator.code)}?page=${n}#figures`
    const [history, links] = await Promise.all([
      audit.historyOf(request.ctx, 'indicator', indicator.id),
      service.links(request.ctx, indicator.id),
    ])
    return reply.page(
      `${views}/indicator.njk`,
      {
        ...errors,
        links,
        indicator,
        groupLabel,
        periods: shown.periods,
        periodsShown:
          shown.pages > 1 ? { first: shown.first, last: shown.last, total: indicator.periods.length } : null,
        pagination: paginationParams({ page: shown.page, total: shown.pages, pageSize: 1, href }),
        chart: chartOf(indicator),
        describe: (p: IndicatorView['periods'][number]) => describeValue(p, indicator),
        format: (n: number | null) => formatFigure(n, indicator),
        unit: unitLabel(indicator.unit),
        history,
        canEdit: can(request.user, 'indicators:edit'),
      },
      formStatus(errors),
    )
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await acceptUploads(app, { maxBytes: MAX_SPREADSHEET_BYTES, fields: 10 })
    const mayEdit = async (request: FastifyRequest) => assertCan(request.user, 'indicators:edit')
    groupsRoutes(app, service)

    // A page's tables, the same for everyone given that page: rendered once for each kept page's framing.
    const frameworkTables = keptParts((made: ReturnType<typeof framed>) =>
      app.view(`${views}/framework-tables.njk`, { groups: made.groups, shownPeriods: made.shownPeriods }),
    )

    app.get('/outcomes', { schema: { querystring: frameworkQuerySchema } }, async (request, reply) => {
      const { format, period } = request.query
      if (format) {
        const paper = await frameworkPaper(request.ctx, { period })
        return reply.paper(paper, format, `outcomes-framework${period ? `-${period}` : ''}`)
      }
      const framework = await service.frameworkPage(request.ctx, request.query.page)
      const made = framed(framework)
      return reply.page(`${views}/framework.njk`, {
        ...framework,
        ...made,
        tables: await frameworkTables(made),
        imported: request.query.imported,
        pagination: paginationParams({
          page: framework.page,
          total: framework.total,
          pageSize: framework.pageSize,
          href: (n) => `/outcomes?page=${n}`,
        }),
      })
    })

    app.get('/outcomes/export', { schema: { querystring: formatQuerySchema } }, async (request, reply) => {
      const { format } = request.query
      const rows = await service.exportRows(request.ctx)
      const data = await exportValues(format, rows)
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(`outcomes-framework.${format}`))
        .header('cache-control', 'no-store')
        .send(data)
    })

    app.get('/outcomes/import', { onRequest: mayEdit }, (request, reply) => importPage(request.ctx, reply))

    const templateRoute = { onRequest: mayEdit, schema: { querystring: formatQuerySchema } }
    app.get('/outcomes/import/template', templateRoute, async (request, reply) => {
      const { format, period: slug } = request.query
      const { indicators, periods } = await service.importTargets(request.ctx)
      const period = periods.find((p) => p.slug === slug) ?? periods.at(-1)
      if (!period)
        return importPage(request.ctx, reply, singleError('period', 'There are no periods to fill in yet'), 400)
      const data = await valuesTemplate(format, indicators, period)
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(`outcomes-template-${period.slug}.${format}`))
        .header('cache-control', 'no-store')
        .send(data)
    })

    app.post('/outcomes/import', { onRequest: mayEdit }, async (request, reply) => {
      const upload = uploadIn(postedValues(request.body))
      if (!upload) {
        return importPage(request.ctx, reply, singleError('file', 'Select a CSV or Excel file of figures'), 400)
      }
      const file = { name: upload.filename || 'the uploaded file', data: upload.data, truncated: upload.truncated }
      const imported = await service.importFile(request.ctx, file)
      if (!imported.ok) return importPage(request.ctx, reply, refusedImport(imported, file.name), 400)
      return reply.redirect(`/outcomes?imported=${imported.saved}`, 303)
    })

    app.get('/outcomes/populations', { onRequest: mayEdit }, (request, reply) => populationsPage(request.ctx, reply))

    app.post('/outcomes/populations', { onRequest: mayEdit }, (request, reply) =>
      submitForm(request, reply, {
        schema: populationSchema,
        save: (input) => service.savePopulation(request.ctx, input),
        render: (values, errors) => populationsPage(request.ctx, reply, values, errors),
        redirect: () => '/outcomes/populations',
        confirmation: (saved) => `Population for ${saved.year} saved`,
      }),
    )

    app.get('/outcomes/new', { onRequest: mayEdit }, (request, reply) => indicatorForm(request.ctx, reply, null, null))

    app.post('/outcomes', { onRequest: mayEdit }, (request, reply) =>
      submitForm(request, reply, {
        schema: indicatorSchema,
        confirmation: 'Indicator added',
        save: (input) => service.createIndicator(request.ctx, input),
        render: (values, errors) => indicatorForm(request.ctx, reply, null, values, errors),
        redirect: (indicator) => `/outcomes/${encodeURIComponent(indicator.code)}`,
      }),
    )

    app.get('/outcomes/periods', { onRequest: mayEdit }, (request, reply) => periodsPage(request.ctx, reply))

    app.post('/outcomes/periods', { onRequest: mayEdit }, (request, reply) =>
      submitForm(request, reply, {
        schema: periodSchema,
        dates: ['endsOn'],
        save: (input) => service.addPeriod(request.ctx, input),
        render: (values, errors) => periodsPage(request.ctx, reply, values, errors),
        redirect: () => '/outcomes/periods',
        confirmation: (period) => `Period ${period.name} added`,
      }),
    )

    app.get('/outcomes/:code/edit', { ...byCode, onRequest: mayEdit }, (request, reply) =>
      indicatorForm(request.ctx, reply, request.params.code, null),
    )

    app.post('/outcomes/:code/edit', { ...byCode, onRequest: mayEdit }, (request, reply) =>
      submitForm(request, reply, {
        schema: indicatorSchema,
        confirmation: 'Indicator updated',
        save: (input, version) => service.updateIndicator(request.ctx, request.params.code, version, input),
        render: (values, errors) => indicatorForm(request.ctx, reply, request.params.code, values, errors),
        redirect: (indicator) => `/outcomes/${encodeURIComponent(indicator.code)}`,
      }),
    )

    app.get(
      '/outcomes/:code',
      { schema: { params: pathParams('code'), querystring: indicatorQuerySchema } },
      (request, reply) => indicatorPage(request, reply, request.params.code, noErrors, request.query),
    )

    // Linking and unlinking work-programme items and plan actions: one form each, on the indicator's page.
    const fields: Record<LinkKind, string> = { 'work-programme': 'workProgrammeItemId', actions: 'actionId' }
    const LINKED: Record<LinkKind, string> = {
      'work-programme': 'Work programme item',
      actions: 'Improvement-plan action',
    }
    for (const kind of Object.keys(fields) as LinkKind[]) {
      const linkSchema = z.object({ [fields[kind]]: z.string().catch('') })
      for (const [path, linked] of [
        ['link', true],
        ['unlink', false],
      ] as const) {
        app.post(`/outcomes/:code/${kind}/${path}`, byCode, async (request, reply) => {
          assertCan(request.user, 'indicators:link')
          const { code } = request.params
          return submitForm(request, reply, {
            schema: linkSchema,
            confirmation: `${LINKED[kind]} ${linked ? 'linked' : 'unlinked'}`,
            save: (input) => service.setLink(request.ctx, code, kind, input[fields[kind]], linked),
            render: (_values, errors) => indicatorPage(request, reply, code, errors),
            redirect: () => `/outcomes/${encodeURIComponent(code)}#${kind}`,
          })
        })
      }
    }

    app.get('/outcomes/:code/:period/edit', { ...byPeriod, onRequest: mayEdit }, (request, reply) =>
      valueForm(request.ctx, reply, request.params, null),
    )

    app.post('/outcomes/:code/:period/edit', { ...byPeriod, onRequest: mayEdit }, (request, reply) =>
      submitForm(request, reply, {
        schema: valueSchema,
        confirmation: 'Figures saved',
        save: (input, version) =>
          service.saveValue(request.ctx, request.params.code, request.params.period, version, input),
        render: (values, errors) => valueForm(request.ctx, reply, request.params, values, errors),
        redirect: () => figuresOf(request.params.code, request.params.period),
      }),
    )
  }
}
