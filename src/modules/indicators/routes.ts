import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm, singleError } from '#src/platform/forms/errors.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { lineChart } from '#src/platform/views/charts/line-chart.ts'
import { sparkline } from '#src/platform/views/charts/sparkline.ts'
import {
  FileLimitError,
  LIMIT_MESSAGES,
  MAX_SPREADSHEET_BYTES,
  SPREADSHEET_LIMITS_HINT,
} from '#src/platform/files/limits.ts'
import { exportValues, readTable, validateValues, valuesTemplate } from './exchange.ts'
import type { LinkKind, ValueRow } from './repository.ts'
import { formatQuerySchema, indicatorSchema, periodSchema, populationSchema, valueSchema } from './schema.ts'
import { GROUP_LABELS } from './service.ts'
import { GROUPS, POLARITIES, UNITS } from './tables.ts'
import { joinDateParts } from '#src/platform/forms/fields.ts'
import type { IndicatorView, IndicatorsService } from './service.ts'
import { describeValue, formatFigure, unitLabel } from './format.ts'

const views = 'modules/indicators/views'
type Values = Record<string, unknown>
const params = (request: FastifyRequest) => request.params as { code: string; period?: string }

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** A stored value as the form shows it: blank for nothing stored. */
function formValues(value: ValueRow | null): Values {
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

/** The sparkline of an indicator's row in the framework. */
function rowChart(view: IndicatorView) {
  const actuals = view.periods.map((p) => p.value?.actual ?? null)
  const targets = view.periods.map((p) => p.value?.target ?? null)
  const known = view.periods.filter((p) => p.value?.actual !== null && p.value?.actual !== undefined)
  const label = known.length
    ? `Actuals of ${view.name}: ${known.map((p) => `${p.period.name} ${formatFigure(p.value!.actual, view)}`).join(', ')}`
    : `No actuals yet for ${view.name}`
  return sparkline({ label, actuals, targets })
}

/** The indicator page's chart: actual, target and any benchmarks, one point per period. */
function indicatorChart(view: IndicatorView) {
  const series = (
    [
      ['Actual', (p) => p.value?.actual ?? null],
      ['Target', (p) => p.value?.target ?? null],
      ['England', (p) => p.value?.england ?? null],
      ['Region', (p) => p.value?.region ?? null],
      ['Statistical neighbours', (p) => p.value?.statisticalNeighbours ?? null],
    ] as const satisfies readonly [string, (p: IndicatorView['periods'][number]) => number | null][]
  )
    .map(([name, pick]) => ({
      name,
      points: view.periods.map((p, index) => ({
        x: index,
        label: p.period.name.replace(/^Baseline /, 'Baseline '),
        y: pick(p),
      })),
    }))
    .filter((s) => s.points.some((point) => point.y !== null))
  if (series.length === 0) return null
  return lineChart({
    id: 'indicator-chart',
    title: `${view.name}: actual against target${series.length > 2 ? ' and benchmarks' : ''}`,
    description: `${series.map((s) => s.name).join(', ')} for each period, in ${unitLabel(view.unit)}. The table below gives the same figures.`,
    yLabel: unitLabel(view.unit, { short: true }),
    series,
  })
}

async function uploadedFile(
  request: FastifyRequest,
): Promise<{ name: string; data: Buffer; truncated: boolean } | null> {
  const body = (request.body ?? {}) as Record<string, unknown>
  const file = body.file as { filename?: string; data?: Buffer; truncated?: boolean } | undefined
  if (!file || !Buffer.isBuffer(file.data) || (!file.filename && file.data.length === 0)) return null
  return { name: file.filename || 'the uploaded file', data: file.data, truncated: Boolean(file.truncated) }
}

/** The outcomes framework: the pages, the analyst's forms, import and export. */
export function indicatorsRoutes(deps: { service: IndicatorsService; audit: AuditReader }) {
  const { service, audit } = deps

  async function valueForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors: FieldErrors = noErrors,
  ) {
    const found = await service.valueToEdit(request.ctx, params(request).code, params(request).period!)
    const data = { ...found, values: values ?? { ...formValues(found.value), ...versionValue(found.value) }, ...errors }
    return reply.page(`${views}/value-form.njk`, data, formStatus(errors))
  }

  async function importPage(request: FastifyRequest, reply: FastifyReply, data: object = {}, status = 200) {
    const { periods } = await service.importTargets(request.ctx)
    return reply.page(`${views}/import.njk`, { periods, limitsHint: SPREADSHEET_LIMITS_HINT, ...data }, status)
  }

  const choice = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, text: label(value) }))
  const indicatorChoices = {
    groupItems: choice(GROUPS, (g) => GROUP_LABELS[g]),
    unitItems: choice(UNITS, (u) =>
      unitLabel(u)
        .replace(/^a /, '')
        .replace(/^./, (c) => c.toUpperCase()),
    ),
    polarityItems: choice(POLARITIES, (p) =>
      p === 'neither' ? 'Neither: do not rate it' : p.replace(/^./, (c) => c.toUpperCase()),
    ),
  }

  async function indicatorForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values | null,
    errors: FieldErrors = noErrors,
  ) {
    const code = (request.params as { code?: string }).code
    const indicator = code ? await service.indicatorToEdit(request.ctx, code) : null
    const shown =
      values ??
      (indicator
        ? {
            ...indicator,
            decimals: String(indicator.decimals),
            tolerance: String(Math.round(indicator.tolerance * 1000) / 10),
            published: indicator.published ? 'yes' : 'no',
            ...versionValue(indicator),
          }
        : { decimals: '0', tolerance: '5', published: 'yes' })
    return reply.page(
      `${views}/indicator-form.njk`,
      { indicator, values: shown, ...indicatorChoices, ...errors },
      formStatus(errors),
    )
  }

  async function periodsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors: FieldErrors = noErrors,
  ) {
    const periods = await service.periods(request.ctx)
    return reply.page(`${views}/periods.njk`, { periods, values, ...errors }, errors === noErrors ? 200 : 400)
  }

  async function populationsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values = {},
    errors: FieldErrors = noErrors,
  ) {
    const populations = await service.populations(request.ctx)
    return reply.page(`${views}/populations.njk`, { populations, values, ...errors }, errors === noErrors ? 200 : 400)
  }

  return async function (app: FastifyInstance) {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues' as const,
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_SPREADSHEET_BYTES, files: 1, fields: 10 },
      async onFile(part: MultipartFile) {
        const data = await part.toBuffer()
        ;(part as MultipartFile & { value: unknown }).value = {
          filename: part.filename,
          data,
          truncated: part.file.truncated,
        }
      },
    })
    const mayEdit = async (request: FastifyRequest) => assertCan(request.user, 'indicators:edit')

    app.get('/outcomes', async (request, reply) => {
      const framework = await service.framework(request.ctx)
      const { imported } = request.query as { imported?: string }
      const groups = framework.groups.map((group) => ({
        ...group,
        indicators: group.indicators.map((view) => ({
          ...view,
          chart: rowChart(view),
          describe: (p: IndicatorView['periods'][number]) => describeValue(p, view),
        })),
      }))
      return reply.page(`${views}/framework.njk`, {
        ...framework,
        groups,
        imported: imported && /^\d+$/.test(imported) ? Number(imported) : null,
      })
    })

    app.get('/outcomes/export', async (request, reply) => {
      const { format } = formatQuerySchema.parse(request.query ?? {})
      const rows = await service.exportRows(request.ctx)
      const data = await exportValues(format, rows)
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(`outcomes-framework.${format}`))
        .header('cache-control', 'no-store')
        .send(data)
    })

    app.get('/outcomes/import', { onRequest: mayEdit }, (request, reply) => importPage(request, reply))

    app.get('/outcomes/import/template', { onRequest: mayEdit }, async (request, reply) => {
      const { format, period: slug } = formatQuerySchema.parse(request.query ?? {})
      const { indicators, periods } = await service.importTargets(request.ctx)
      const period = periods.find((p) => p.slug === slug) ?? periods.at(-1)
      if (!period) return importPage(request, reply, singleError('period', 'There are no periods to fill in yet'), 400)
      const data = await valuesTemplate(format, indicators, period)
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', attachment(`outcomes-template-${period.slug}.${format}`))
        .header('cache-control', 'no-store')
        .send(data)
    })

    app.post('/outcomes/import', { onRequest: mayEdit }, async (request, reply) => {
      const file = await uploadedFile(request)
      if (!file) return importPage(request, reply, singleError('file', 'Select a CSV or Excel file of figures'), 400)
      if (file.truncated) return importPage(request, reply, singleError('file', LIMIT_MESSAGES.tooLarge), 400)
      let table: Awaited<ReturnType<typeof readTable>>
      try {
        table = await readTable(file.data)
      } catch (error) {
        const message = error instanceof FileLimitError ? error.message : LIMIT_MESSAGES.unreadable
        return importPage(request, reply, singleError('file', message), 400)
      }
      const targets = await service.importTargets(request.ctx)
      const checked = await validateValues(table, targets)
      // The page lists the first problems and counts the rest, so it stays small whatever the file.
      const rejected = (errors: { row: number; column: string; message: string }[], more = 0) =>
        importPage(
          request,
          reply,
          {
            ...singleError('file', `${file.name} was not imported: fix the rows below and try again`),
            rejectedRows: errors,
            problems: { total: errors.length + more, more, text: (n: number) => n.toLocaleString('en-GB') },
            fileName: file.name,
          },
          400,
        )
      if (!checked.ok) return rejected(checked.errors, checked.more)
      // validateValues keeps the file's order and skips blank rows: the nth value is the nth row with anything in it.
      const dataRows = table.rows.filter((row) => Object.values(row.cells).some((cell) => cell.trim() !== ''))
      // A template row left as it came (a code and a period, nothing else) changes nothing.
      const given = checked.values
        .map((input, index) => ({ row: dataRows[index]?.row ?? index + 2, input }))
        .filter(({ input }) =>
          Object.entries(input).some(([key, value]) => key !== 'code' && key !== 'period' && value !== undefined),
        )
      if (given.length === 0) {
        return importPage(
          request,
          reply,
          singleError('file', `${file.name} has no figures in it: fill in at least one`),
          400,
        )
      }
      const result = await service.importValues(request.ctx, given, file.name)
      if (!result.ok) return rejected(result.errors)
      return reply.redirect(`/outcomes?imported=${result.saved}`, 303)
    })

    app.get('/outcomes/populations', { onRequest: mayEdit }, async (request, reply) => populationsPage(request, reply))

    app.post('/outcomes/populations', { onRequest: mayEdit }, async (request, reply) => {
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(populationSchema, values)
      const result = parsed.ok ? await attempt(() => service.savePopulation(request.ctx, parsed.value)) : parsed
      if (!result.ok) return populationsPage(request, reply, values, result)
      return reply.redirect('/outcomes/populations', 303)
    })

    app.get('/outcomes/new', { onRequest: mayEdit }, (request, reply) => indicatorForm(request, reply, null))

    app.post('/outcomes', { onRequest: mayEdit }, async (request, reply) => {
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(indicatorSchema, values)
      const result = parsed.ok ? await attempt(() => service.createIndicator(request.ctx, parsed.value)) : parsed
      if (!result.ok) return indicatorForm(request, reply, values, result)
      return reply.redirect(`/outcomes/${encodeURIComponent(result.value.code)}`, 303)
    })

    app.get('/outcomes/periods', { onRequest: mayEdit }, (request, reply) => periodsPage(request, reply))

    app.post('/outcomes/periods', { onRequest: mayEdit }, async (request, reply) => {
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(
        periodSchema,
        { ...values, endsOn: joinDateParts(values, 'endsOn') },
        { endsOn: 'endsOn-day' },
      )
      const result = parsed.ok ? await attempt(() => service.addPeriod(request.ctx, parsed.value)) : parsed
      if (!result.ok) return periodsPage(request, reply, values, result)
      return reply.redirect('/outcomes/periods', 303)
    })

    app.get('/outcomes/:code/edit', { onRequest: mayEdit }, (request, reply) => indicatorForm(request, reply, null))

    app.post('/outcomes/:code/edit', { onRequest: mayEdit }, async (request, reply) => {
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(indicatorSchema, values)
      const version = submittedVersion(values)
      const result = parsed.ok
        ? await attempt(() => service.updateIndicator(request.ctx, params(request).code, version, parsed.value))
        : parsed
      if (!result.ok) return indicatorForm(request, reply, values, result)
      return reply.redirect(`/outcomes/${encodeURIComponent(result.value.code)}`, 303)
    })

    async function indicatorPage(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = noErrors) {
      const { indicator, groupLabel } = await service.indicator(request.ctx, params(request).code)
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
          chart: indicatorChart(indicator),
          describe: (p: IndicatorView['periods'][number]) => describeValue(p, indicator),
          format: (n: number | null) => formatFigure(n, indicator),
          unit: unitLabel(indicator.unit),
          history,
          canEdit: can(request.user, 'indicators:edit'),
        },
        errors === noErrors ? 200 : 400,
      )
    }

    app.get('/outcomes/:code', (request, reply) => indicatorPage(request, reply))

    // Linking and unlinking work-programme items and plan actions: one form each, on the indicator's page.
    const fields: Record<LinkKind, string> = { 'work-programme': 'workProgrammeItemId', actions: 'actionId' }
    for (const kind of Object.keys(fields) as LinkKind[]) {
      for (const [path, linked] of [
        ['link', true],
        ['unlink', false],
      ] as const) {
        app.post(`/outcomes/:code/${kind}/${path}`, async (request, reply) => {
          assertCan(request.user, 'indicators:link')
          const targetId = String(((request.body ?? {}) as Values)[fields[kind]] ?? '')
          const result = await attempt(() => service.setLink(request.ctx, params(request).code, kind, targetId, linked))
          if (!result.ok) return indicatorPage(request, reply, result)
          return reply.redirect(`/outcomes/${encodeURIComponent(params(request).code)}#${kind}`, 303)
        })
      }
    }

    app.get('/outcomes/:code/:period/edit', { onRequest: mayEdit }, (request, reply) => valueForm(request, reply, null))

    app.post('/outcomes/:code/:period/edit', { onRequest: mayEdit }, async (request, reply) => {
      const values = (request.body ?? {}) as Values
      const parsed = parseForm(valueSchema, values)
      const result = parsed.ok
        ? await attempt(() =>
            service.saveValue(
              request.ctx,
              params(request).code,
              params(request).period!,
              submittedVersion(values),
              parsed.value,
            ),
          )
        : parsed
      if (!result.ok) return valueForm(request, reply, values, result)
      return reply.redirect(
        `/outcomes/${encodeURIComponent(params(request).code)}#period-${params(request).period}`,
        303,
      )
    })
  }
}
