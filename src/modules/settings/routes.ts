import type { FastifyInstance, FastifyReply } from 'fastify'
import type { z } from 'zod'
import { REPORT_PARTS } from '#src/modules/meetings/index.ts'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { MONTH_NAMES } from '#src/platform/rules/municipal-year.ts'
import type { CouncilSettings } from './service.ts'
import {
  callInSchema,
  councilNameSchema,
  headingField,
  municipalYearSchema,
  noticeSchema,
  positionField,
  referencesSchema,
  reportSectionsSchema,
  returnRetentionSchema,
  smallCountsSchema,
  updateRequestsSchema,
} from './schema.ts'
import type { SettingsService } from './service.ts'

const views = 'modules/settings/views'

/** Each setting's page: one thing a page, as GOV.UK forms ask. */
const PAGES = {
  'council-name': { title: 'Council name', schema: councilNameSchema },
  'call-in': { title: 'Call-in period', schema: callInSchema },
  'publication-notice': { title: 'Publication notice', schema: noticeSchema },
  'report-template': { title: 'Report template', schema: reportSectionsSchema },
  'reference-formats': { title: 'Reference formats', schema: referencesSchema },
  'municipal-year': { title: 'Municipal year', schema: municipalYearSchema },
  'update-requests': { title: 'Update requests', schema: updateRequestsSchema },
  'returns-retention': { title: 'Keeping the statutory returns', schema: returnRetentionSchema },
  'small-counts': { title: 'Small counts', schema: smallCountsSchema },
} satisfies Record<string, { title: string; schema: z.ZodType }>

type Page = keyof typeof PAGES

/** What a page's form shows when opened: the settings as they are. */
function formValues(page: Page, settings: CouncilSettings): FormValues {
  const values: FormValues = { ...versionValue(settings) }
  if (page === 'report-template') {
    settings.reportSections.forEach((section, index) => {
      values[headingField(section.key)] = section.heading
      values[positionField(section.key)] = String(index + 1)
    })
    return values
  }
  const {
    reportSections: _sections,
    callInDays,
    noticeDays,
    municipalYearStartMonth,
    updateRequestDays,
    returnRetentionMonths,
    disclosureThreshold,
    ...rest
  } = settings
  return {
    ...values,
    ...rest,
    callInDays: String(callInDays),
    noticeDays: String(noticeDays),
    municipalYearStartMonth: String(municipalYearStartMonth),
    updateRequestDays: String(updateRequestDays),
    returnRetentionMonths: String(returnRetentionMonths),
    disclosureThreshold: String(disclosureThreshold),
  }
}

/** The template's parts in the order the form lists them: the council's order, as the values give it. */
function sectionRows(values: FormValues, settings: CouncilSettings) {
  const headingOf = Object.fromEntries(settings.reportSections.map((s) => [s.key, s.heading]))
  const order = (key: (typeof REPORT_PARTS)[number]) =>
    Number(values[positionField(key)]) || settings.reportSections.findIndex((s) => s.key === key) + 1
  return [...REPORT_PARTS]
    .sort((a, b) => order(a) - order(b))
    .map((key) => ({
      key,
      heading: headingOf[key] ?? key,
      headingField: headingField(key),
      positionField: positionField(key),
    }))
}

/** The council settings, for admins: a summary with a page to change each. */
export function settingsRoutes(deps: { service: SettingsService; audit: AuditReader }) {
  const { service, audit } = deps

  const form = (
    reply: FastifyReply,
    page: Page,
    settings: CouncilSettings,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) =>
    reply.page(
      `${views}/change.njk`,
      {
        page,
        title: PAGES[page].title,
        settings,
        values,
        sections: sectionRows(values, settings),
        months: MONTH_NAMES,
        ...errors,
      },
      formStatus(errors),
    )

  return async function (app: FastifyInstance) {
    app.get('/admin/settings', async (request, reply) => {
      const settings = await service.settingsToEdit(request.ctx)
      const history = await audit.historyOf(request.ctx, 'council settings', 'council')
      return reply.page(`${views}/settings.njk`, { settings, history, months: MONTH_NAMES })
    })

    for (const page of Object.keys(PAGES) as Page[]) {
      const url = `/admin/settings/${page}`
      app.get(url, async (request, reply) => {
        const settings = await service.settingsToEdit(request.ctx)
        return form(reply, page, settings, formValues(page, settings))
      })

      app.post(url, async (request, reply) => {
        // Before reading the form: no errors shown to those who may not send it.
        const settings = await service.settingsToEdit(request.ctx)
        return submitForm(request, reply, {
          schema: PAGES[page].schema,
          confirmation: 'Settings saved',
          save: (input, version) => service.changeSettings(request.ctx, version, input),
          render: (values, errors) => form(reply, page, settings, values, errors),
          redirect: () => '/admin/settings',
        })
      })
    }
  }
}
