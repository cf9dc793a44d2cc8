import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import { PAPER_FORMATS, sendPaper } from '#src/platform/papers/send.ts'
import { reportValues } from '../form-values.ts'
import type { MeetingsService } from '../index.ts'
import { type MeetingsRouteDeps, itemParams, views } from '../route-context.ts'
import { WITHIN_BUDGET, reportSchema } from './schema.ts'
import { REASON_QUESTIONS, withinBudgetText, yesNo } from './template.ts'

export const reportPath = (slug: string, position: number) => `/meetings/${slug}/items/${position}/report`

const budgetItems = WITHIN_BUDGET.map((value) => ({ value, text: withinBudgetText(value) }))

type ReportToEdit = Awaited<ReturnType<MeetingsService['reportToEdit']>>

/** The report form's values for the report as stored, or for a new one filled from its item. */
export function storedReportValues({ meeting, item, report }: ReportToEdit): FormValues {
  return report
    ? { ...reportValues(report), ...versionValue(report) }
    : {
        title: item.title,
        reportTo: meeting.bodyName,
        ...dateValues('meetingDate', meeting.date),
        ...versionValue(null),
      }
}

/** The report form: `values` as posted, or null for the report as stored (a new one filled from its item). */
export function reportForm(
  reply: FastifyReply,
  found: ReportToEdit,
  values: FormValues | null,
  errors: FieldErrors = noErrors,
) {
  const shown = values ?? storedReportValues(found)
  const data = { ...found, values: shown, budgetItems, paragraphItems: paragraphItems(shown.exemptParagraph) }
  return reply.page(`${views}/report-form.njk`, { ...data, ...errors }, formStatus(errors))
}

/** The report page, and the form officers write a report in. */
export function reportRoutes(deps: MeetingsRouteDeps) {
  const { service, audit } = deps

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/meetings/:slug/items/:position/report', itemParams, async (request, reply) => {
      const { slug, position } = request.params
      const paper = await service.getReport(request.ctx, slug, position)
      const history = await audit.historyOf(request.ctx, 'report', paper.report.id)
      return reply.page(`${views}/report.njk`, {
        ...paper,
        history,
        contraryToPlan: yesNo(paper.report.contraryToPlan),
        withinBudget: withinBudgetText(paper.report.withinBudget),
        reasonQuestions: REASON_QUESTIONS,
        canEdit: can(request.user, 'reports:edit'),
      })
    })

    // The report in the council's template: a PDF to print, a Word document for officers who draft in Word.
    for (const format of PAPER_FORMATS)
      app.get(`/meetings/:slug/items/:position/report.${format}`, itemParams, async (request, reply) => {
        const { slug, position } = request.params
        const paper = await service.reportPaper(request.ctx, slug, position)
        return sendPaper(reply, paper, format, `report-${slug}-item-${position}`)
      })

    app.get('/meetings/:slug/items/:position/report/edit', itemParams, async (request, reply) => {
      const { slug, position } = request.params
      return reportForm(reply, await service.reportToEdit(request.ctx, slug, position), null)
    })

    app.post('/meetings/:slug/items/:position/report/edit', itemParams, async (request, reply) => {
      assertCan(request.user, 'reports:edit')
      const { slug, position } = request.params
      const found = await service.reportToEdit(request.ctx, slug, position)
      return submitForm(request, reply, {
        schema: reportSchema,
        dates: ['meetingDate', 'exemptReviewOn'],
        confirmation: 'Report saved',
        save: (input, version) => service.saveReport(request.ctx, found.item.id, version, input),
        render: (values, errors) => reportForm(reply, found, values, errors),
        redirect: () => reportPath(slug, position),
      })
    })
  }
}
