import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { exemptValues } from '#src/platform/exemption/form.ts'
import { paragraphItems } from '#src/platform/exemption/schedule-12a.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { acceptUploads, uploadIn, withoutUpload } from '#src/platform/forms/upload.ts'
import { type FormValues, dateValues } from '#src/platform/forms/values.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { MAX_UPLOAD_BYTES } from '../documents.ts'
import type { MeetingsService } from '../index.ts'
import { type MeetingsRouteDeps, appendixParams, itemParams, views } from '../route-context.ts'
import { reportPath } from './routes.ts'
import {
  APPENDIX_FIELD_ORDER,
  GENERATED_APPENDIX_FIELD_ORDER,
  appendixSchema,
  generatedAppendixSchema,
} from './schema.ts'

const appendices = '/meetings/:slug/items/:position/report/appendices'

type AppendixToEdit = Awaited<ReturnType<MeetingsService['appendixToEdit']>>
type GeneratedChoices = Awaited<ReturnType<MeetingsService['generatedAppendixChoices']>>
type ReportForAppendix = Awaited<ReturnType<MeetingsService['reportForAppendix']>> & { appendix: null }

/** Appendices to a report: reading one, adding, changing and removing them with their files; downloading files. */
export function appendixRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  // Refuse before reading an upload from someone who may not make one.
  const mayUpload = async (request: FastifyRequest) => assertCan(request.user, 'reports:edit')

  /** The appendix form: `values` as posted, or null for the appendix as stored (none for a new one). */
  function appendixForm(
    reply: FastifyReply,
    found: AppendixToEdit | ReportForAppendix,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { appendix } = found
    const shown =
      values ??
      (appendix ? { label: appendix.label, title: appendix.title, body: appendix.body, ...exemptValues(appendix) } : {})
    const data = { ...found, values: shown, paragraphItems: paragraphItems(shown.exemptParagraph), ...errors }
    return reply.page(`${views}/appendix-form.njk`, data, formStatus(errors))
  }

  /** The appendix form as posted: its fields, and its file checked by its content. */
  const appendixPost = {
    schema: appendixSchema,
    dates: ['exemptReviewOn'],
    input: (values: FormValues) => ({ ...values, file: uploadIn(values) }),
    order: APPENDIX_FIELD_ORDER,
  }

  /** The form that generates an appendix from the record; the date defaults to the meeting's. */
  function generateForm(
    reply: FastifyReply,
    found: GeneratedChoices,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const shown = values ?? dateValues('on', found.meeting.date)
    return reply.page(`${views}/appendix-generate.njk`, { ...found, values: shown, ...errors }, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    await acceptUploads(app, { maxBytes: MAX_UPLOAD_BYTES, fields: 40 })

    app.get(`${appendices}/new`, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      const found = await service.reportForAppendix(request.ctx, slug, position)
      return appendixForm(reply, { ...found, appendix: null }, null)
    })

    app.post(appendices, { ...itemParams, onRequest: mayUpload }, async (request, reply) => {
      const { slug, position } = request.params
      const found = await service.reportForAppendix(request.ctx, slug, position)
      return submitForm(request, reply, {
        ...appendixPost,
        confirmation: 'Appendix added',
        save: ({ file, ...fields }) => service.addAppendix(request.ctx, found.report.id, fields, file),
        render: (values, errors) => appendixForm(reply, { ...found, appendix: null }, withoutUpload(values), errors),
        redirect: () => `${reportPath(slug, position)}#appendices`,
      })
    })

    app.get(`${appendices}/generate`, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      return generateForm(reply, await service.generatedAppendixChoices(request.ctx, slug, position), null)
    })

    app.post(`${appendices}/generate`, itemParams, async (request, reply) => {
      const { slug, position } = request.params
      const found = await service.generatedAppendixChoices(request.ctx, slug, position)
      return submitForm(request, reply, {
        schema: generatedAppendixSchema,
        dates: ['on'],
        // Each kind's subject is its own field, shown under its radio: the chosen kind's is the one read.
        input: (values) => ({
          ...values,
          subject: typeof values.kind === 'string' ? (values[`subject-${values.kind}`] ?? '') : '',
        }),
        ids: Object.fromEntries(found.kinds.map((kind) => [`subject-${kind.key}`, `subject-${kind.key}`])),
        order: GENERATED_APPENDIX_FIELD_ORDER,
        confirmation: 'Appendix generated',
        save: (input) => service.generateAppendix(request.ctx, slug, position, input),
        render: (values, errors) => generateForm(reply, found, values, errors),
        redirect: () => `${reportPath(slug, position)}#appendices`,
      })
    })

    app.get(`${appendices}/:id`, appendixParams, async (request, reply) => {
      const { slug, position, id } = request.params
      return reply.page(`${views}/appendix.njk`, await service.getAppendix(request.ctx, slug, position, id))
    })

    app.get(`${appendices}/:id/edit`, appendixParams, async (request, reply) => {
      const { slug, position, id } = request.params
      return appendixForm(reply, await service.appendixToEdit(request.ctx, slug, position, id), null)
    })

    app.post(`${appendices}/:id/edit`, { ...appendixParams, onRequest: mayUpload }, async (request, reply) => {
      const { slug, position, id } = request.params
      const found = await service.appendixToEdit(request.ctx, slug, position, id)
      return submitForm(request, reply, {
        ...appendixPost,
        confirmation: 'Appendix updated',
        save: ({ file, ...fields }) => service.updateAppendix(request.ctx, found.appendix.id, fields, file),
        render: (values, errors) => appendixForm(reply, found, withoutUpload(values), errors),
        redirect: () => `${reportPath(slug, position)}#appendices`,
      })
    })

    app.get(`${appendices}/:id/delete`, appendixParams, async (request, reply) => {
      const { slug, position, id } = request.params
      return reply.page(`${views}/appendix-delete.njk`, await service.appendixToEdit(request.ctx, slug, position, id))
    })

    app.post(`${appendices}/:id/delete`, appendixParams, async (request, reply) => {
      assertCan(request.user, 'reports:edit')
      const { slug, position, id } = request.params
      const { appendix } = await service.appendixToEdit(request.ctx, slug, position, id)
      await service.removeAppendix(request.ctx, appendix.id)
      return reply.confirm('Appendix removed').redirect(`${reportPath(slug, position)}#appendices`, 303)
    })

    app.get('/documents/:id', { schema: { params: pathParams('id') } }, async (request, reply) => {
      const document = await service.getDocument(request.ctx, request.params.id)
      return reply
        .header('content-type', document.mediaType)
        .header('content-disposition', attachment(document.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', document.exempt ? 'private, no-store' : 'no-cache')
        .send(Buffer.from(document.content))
    })
  }
}
