import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, formStatus, noErrors, parseForm, singleError } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { acceptUploads, uploadIn } from '#src/platform/forms/upload.ts'
import { type FormValues, postedValues, withJoinedDates } from '#src/platform/forms/values.ts'
import { MAX_UPLOAD_BYTES } from '../documents.ts'
import type { MeetingsService } from '../index.ts'
import { type MeetingsRouteDeps, itemParams, views } from '../route-context.ts'
import type { ReportFromWord } from './from-word.ts'
import { reportForm, reportPath, storedReportValues } from './routes.ts'
import { reportSchema } from './schema.ts'
import {
  REASON_QUESTIONS,
  REPORT_PARTS,
  type ReportTemplate,
  templateSections,
  withinBudgetText,
  yesNo,
} from './template.ts'

const upload = '/meetings/:slug/items/:position/report/upload'
const DATES = ['meetingDate', 'exemptReviewOn']

/** The report form's fields, carried from the check page to the save as they will be saved. */
const FORM_FIELDS = [
  'title',
  'reportTo',
  'relevantOfficer',
  ...['day', 'month', 'year'].flatMap((part) => [`meetingDate-${part}`, `exemptReviewOn-${part}`]),
  ...REPORT_PARTS.filter((part) => part !== 'appendices'),
  'contraryToPlan',
  'withinBudget',
  'exempt',
  'exemptParagraph',
  'exemptReason',
  '_version',
]

/** At most this many left-out paragraphs are listed on the check page, each cut to a readable length. */
const LEFT_OUT_SHOWN = 50
const LEFT_OUT_LENGTH = 200

type ReportToEdit = Awaited<ReturnType<MeetingsService['reportToEdit']>>

/** A stored form value as a hidden field carries it: text as it is, a number as digits, nothing as ''. */
const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/** The report form's values once the document's sections are filled in: the rest as stored. */
export function filledValues(stored: FormValues, read: ReportFromWord): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of FORM_FIELDS) values[field] = asText(stored[field])
  for (const section of read.sections) if (section.key !== 'appendices') values[section.key] = section.text
  if (read.contraryToPlan !== undefined)
    values.contraryToPlan = read.contraryToPlan === null ? '' : read.contraryToPlan ? 'yes' : 'no'
  if (read.withinBudget !== undefined) values.withinBudget = read.withinBudget ?? ''
  return values
}

/** What the check page lists for each section of the template: found and changed, found, or kept. */
function sectionRows(stored: FormValues, read: ReportFromWord, template: ReportTemplate) {
  return templateSections(template).map((section) => {
    const found = read.sections.find((candidate) => candidate.key === section.key)
    if (!found)
      return { heading: section.heading, found: null, outcome: 'Not in the document: kept as it is', text: '' }
    if (section.key === 'appendices')
      return {
        heading: section.heading,
        found: found.found,
        outcome: 'Not changed: add appendices on the report page',
        text: '',
      }
    const changed = found.text !== asText(stored[section.key])
    return {
      heading: section.heading,
      found: found.found,
      outcome: changed ? 'Changed' : 'No change',
      text: found.text,
    }
  })
}

/** Filling a report's sections from a Word document: choose the file, check what it fills, save. */
export function reportUploadRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  // Refuse before reading an upload from someone who may not make one.
  const mayUpload = async (request: FastifyRequest) => assertCan(request.user, 'reports:edit')

  const uploadForm = (reply: FastifyReply, found: ReportToEdit, errors: FieldErrors = noErrors) =>
    reply.page(`${views}/report-upload.njk`, { ...found, ...errors }, formStatus(errors))

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await acceptUploads(app, { maxBytes: MAX_UPLOAD_BYTES, fields: 4 })

    app.get(upload, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      return uploadForm(reply, await service.reportToEdit(request.ctx, slug, position))
    })

    app.post(upload, { ...itemParams, onRequest: mayUpload }, async (request, reply) => {
      const { slug, position } = request.params
      const file = uploadIn(postedValues(request.body))
      const result = await attempt(() => service.reportFromUpload(request.ctx, slug, position, file))
      if (!result.ok) return uploadForm(reply, await service.reportToEdit(request.ctx, slug, position), result)
      const { read, template, filename, ...found } = result.value
      const stored = storedReportValues(found)
      const values = filledValues(stored, read)
      // A document that would make the report too long for its form is refused here, not at the save.
      const parsed = parseForm(reportSchema, withJoinedDates(values, DATES))
      if (!parsed.ok) {
        const why = parsed.errorSummary[0]?.text ?? ''
        return uploadForm(reply, found, singleError('file', `The document cannot fill the report: ${why}`))
      }
      const leftOut = read.leftOut
        .slice(0, LEFT_OUT_SHOWN)
        .map((text) => (text.length > LEFT_OUT_LENGTH ? `${text.slice(0, LEFT_OUT_LENGTH)}…` : text))
      return reply.page(`${views}/report-upload-check.njk`, {
        ...found,
        filename,
        rows: sectionRows(stored, read, template),
        read,
        leftOut,
        moreLeftOut: read.leftOut.length - leftOut.length,
        answers: [
          ...(read.contraryToPlan === undefined
            ? []
            : [`${REASON_QUESTIONS.contraryToPlan} ${yesNo(read.contraryToPlan)}`]),
          ...(read.withinBudget === undefined
            ? []
            : [`${REASON_QUESTIONS.withinBudget} ${withinBudgetText(read.withinBudget)}`]),
        ],
        hidden: Object.entries(values).map(([name, value]) => ({ name, value })),
      })
    })

    app.post(`${upload}/confirm`, itemParams, async (request, reply) => {
      assertCan(request.user, 'reports:edit')
      const { slug, position } = request.params
      const found = await service.reportToEdit(request.ctx, slug, position)
      return submitForm(request, reply, {
        schema: reportSchema,
        dates: DATES,
        confirmation: 'Report filled from the Word document',
        save: (input, version) => service.saveReport(request.ctx, found.item.id, version, input, 'word'),
        render: (values, errors) => reportForm(reply, found, values, errors),
        redirect: () => reportPath(slug, position),
      })
    })
  }
}
