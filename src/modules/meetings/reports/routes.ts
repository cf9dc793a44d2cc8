import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { submittedVersion, versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm } from '#src/platform/forms/errors.ts'
import { type FormValues, dateValues, paperParams, reportValues, withJoinedDates } from '../form-values.ts'
import { type MeetingsRouteDeps, views } from '../route-context.ts'
import { FIELD_IDS, paragraphItems } from '../schema.ts'
import { WITHIN_BUDGET, reportSchema } from './schema.ts'
import { yesNo } from './template.ts'

export const reportPath = (slug: string, number: number) => `/meetings/${slug}/items/${number}/report`

const budgetItems = WITHIN_BUDGET.map((value) => ({ value, text: value[0].toUpperCase() + value.slice(1) }))

/** The report page, and the form officers write a report in. */
export function reportRoutes(deps: MeetingsRouteDeps) {
  const { service, audit } = deps

  async function reportForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { slug, number } = paperParams(request)
    const { meeting, item, report } = await service.reportToEdit(request.ctx, slug, number)
    const shown =
      values ??
      (report
        ? { ...reportValues(report), ...versionValue(report) }
        : {
            title: item.title,
            reportTo: meeting.bodyName,
            ...dateValues('meetingDate', meeting.date),
            ...versionValue(null),
          })
    return reply.page(
      `${views}/report-form.njk`,
      {
        meeting,
        item,
        report,
        values: shown,
        budgetItems,
        paragraphItems: paragraphItems(shown.exemptParagraph),
        ...errors,
      },
      formStatus(errors),
    )
  }

  return async function (app: FastifyInstance) {
    app.get('/meetings/:slug/items/:number/report', async (request, reply) => {
      const { slug, number } = paperParams(request)
      const paper = await service.getReport(request.ctx, slug, number)
      const history = await audit.historyOf(request.ctx, 'report', paper.report.id)
      return reply.page(`${views}/report.njk`, {
        ...paper,
        history,
        contraryToPlan: yesNo(paper.report.contraryToPlan),
        withinBudget: paper.report.withinBudget
          ? budgetItems.find((b) => b.value === paper.report.withinBudget)?.text
          : 'Not stated',
        canEdit: can(request.user, 'reports:edit'),
      })
    })

    app.get('/meetings/:slug/items/:number/report/edit', (request, reply) => reportForm(request, reply, null))

    app.post('/meetings/:slug/items/:number/report/edit', async (request, reply) => {
      assertCan(request.user, 'reports:edit')
      const { slug, number } = paperParams(request)
      const { item } = await service.reportToEdit(request.ctx, slug, number)
      const parsed = parseForm(
        reportSchema,
        withJoinedDates(request.body, ['meetingDate', 'exemptReviewOn']),
        FIELD_IDS,
      )
      const version = submittedVersion(request.body)
      const result = parsed.ok
        ? await attempt(() => service.saveReport(request.ctx, item.id, version, parsed.value))
        : parsed
      if (!result.ok) return reportForm(request, reply, request.body as FormValues, result)
      return reply.redirect(reportPath(slug, number), 303)
    })
  }
}
