import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, attempt, noErrors } from '#src/platform/forms/errors.ts'
import { attachment } from '#src/platform/http/content-disposition.ts'
import { type FormValues, exemptValues, paperParams } from '../form-values.ts'
import { type MeetingsRouteDeps, views } from '../route-context.ts'
import { paragraphItems } from '../schema.ts'
import { multipartOptions, readAppendixForm } from './appendix-form.ts'
import { reportPath } from './routes.ts'

const appendices = '/meetings/:slug/items/:number/report/appendices'

/** Appendices to a report: reading one, adding, changing and removing them with their files; downloading files. */
export function appendixRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  // Refuse before reading an upload from someone who may not make one.
  const mayUpload = async (request: FastifyRequest) => assertCan(request.user, 'reports:edit')

  async function appendixForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const { slug, number, id } = paperParams(request)
    const found = id
      ? await service.appendixToEdit(request.ctx, slug, number, id)
      : { ...(await service.reportForAppendix(request.ctx, slug, number)), appendix: null }
    const { appendix } = found
    const shown: FormValues =
      values ??
      (appendix ? { label: appendix.label, title: appendix.title, body: appendix.body, ...exemptValues(appendix) } : {})
    const data = { ...found, values: shown, paragraphItems: paragraphItems(shown.exemptParagraph), ...errors }
    return reply.page(`${views}/appendix-form.njk`, data, errors === noErrors ? 200 : 400)
  }

  return async function (app: FastifyInstance) {
    await app.register(multipart, multipartOptions)

    app.get(`${appendices}/new`, (request, reply) => appendixForm(request, reply, null))

    app.post(appendices, { onRequest: mayUpload }, async (request, reply) => {
      const { slug, number } = paperParams(request)
      const { report } = await service.reportForAppendix(request.ctx, slug, number)
      const form = await readAppendixForm(request.body)
      const result = form.ok
        ? await attempt(() => service.addAppendix(request.ctx, report.id, form.fields, form.file))
        : form
      if (!result.ok) return appendixForm(request, reply, form.values, result)
      return reply.redirect(`${reportPath(slug, number)}#appendices`, 303)
    })

    app.get(`${appendices}/:id`, async (request, reply) => {
      const { slug, number, id } = paperParams(request)
      return reply.page(`${views}/appendix.njk`, await service.getAppendix(request.ctx, slug, number, id))
    })

    app.get(`${appendices}/:id/edit`, (request, reply) => appendixForm(request, reply, null))

    app.post(`${appendices}/:id/edit`, { onRequest: mayUpload }, async (request, reply) => {
      const { slug, number, id } = paperParams(request)
      const { appendix } = await service.appendixToEdit(request.ctx, slug, number, id)
      const form = await readAppendixForm(request.body)
      const result = form.ok
        ? await attempt(() => service.updateAppendix(request.ctx, appendix.id, form.fields, form.file))
        : form
      if (!result.ok) return appendixForm(request, reply, form.values, result)
      return reply.redirect(`${reportPath(slug, number)}#appendices`, 303)
    })

    app.get(`${appendices}/:id/delete`, async (request, reply) => {
      const { slug, number, id } = paperParams(request)
      return reply.page(`${views}/appendix-delete.njk`, await service.appendixToEdit(request.ctx, slug, number, id))
    })

    app.post(`${appendices}/:id/delete`, async (request, reply) => {
      assertCan(request.user, 'reports:edit')
      const { slug, number, id } = paperParams(request)
      const { appendix } = await service.appendixToEdit(request.ctx, slug, number, id)
      await service.removeAppendix(request.ctx, appendix.id)
      return reply.redirect(`${reportPath(slug, number)}#appendices`, 303)
    })

    app.get('/documents/:id', async (request, reply) => {
      const document = await service.getDocument(request.ctx, (request.params as { id: string }).id)
      return reply
        .header('content-type', document.mediaType)
        .header('content-disposition', attachment(document.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', document.exempt ? 'private, no-store' : 'no-cache')
        .send(Buffer.from(document.content))
    })
  }
}
