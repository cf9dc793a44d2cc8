import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pageNumber, paginationParams } from '#src/platform/http/pagination.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { BATCH_PAGE_SIZE } from './batch-repository.ts'
import { NEW_IMPORT_FIELDS, newImportSchema } from './batch-schema.ts'
import { type BatchService, batchPath } from './batch-service.ts'

const views = 'modules/imports/views'
const byId = { schema: { params: pathParams('id') } }

/** A refusal is about the button pressed, not a field: the error summary links to the button. */
const atButton = (errors: FieldErrors, button: string): FieldErrors => ({
  ...errors,
  errorSummary: errors.errorSummary.map(({ text }) => ({ text, href: `#${button}` })),
})

/** /admin/imports: the import batches, each reviewed and then applied or discarded by an admin. */
export function batchRoutes(service: BatchService) {
  async function review(ctx: Context, reply: FastifyReply, id: string, errors: FieldErrors = noErrors) {
    const review = await service.reviewBatch(ctx, id)
    return reply.page(`${views}/batch.njk`, { ...review, ...errors }, formStatus(errors))
  }

  async function discardPage(ctx: Context, reply: FastifyReply, id: string, errors: FieldErrors = noErrors) {
    const batch = await service.getBatch(ctx, id)
    return reply.page(`${views}/discard.njk`, { batch, ...errors }, formStatus(errors))
  }

  function newImportForm(ctx: Context, reply: FastifyReply, values: FormValues, errors = noErrors) {
    // Only those who may start one see the form; the service checks again when it is posted.
    assertCan(ctx.user, 'imports:manage')
    return reply.page(`${views}/new.njk`, { values, ...errors }, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get('/admin/imports/new', (request, reply) => newImportForm(request.ctx, reply, {}))

    app.post('/admin/imports/new', (request, reply) =>
      submitForm(request, reply, {
        schema: newImportSchema,
        dates: ['from', 'to'],
        order: NEW_IMPORT_FIELDS,
        confirmation: 'Import started',
        save: (input) => service.startImport(request.ctx, input),
        render: (values, errors) => newImportForm(request.ctx, reply, values, errors),
        redirect: (id) => batchPath(id),
      }),
    )

    app.get(
      '/admin/imports',
      { schema: { querystring: z.object({ page: z.string().optional() }) } },
      async (request, reply) => {
        const page = pageNumber(request.query.page)
        const { batches, total } = await service.listBatches(request.ctx, page)
        const first = (page - 1) * BATCH_PAGE_SIZE + 1
        return reply.page(`${views}/batches.njk`, {
          batches,
          total,
          shown: batches.length ? { first, last: first + batches.length - 1 } : null,
          pagination: paginationParams({
            page,
            total,
            pageSize: BATCH_PAGE_SIZE,
            href: (n) => (n > 1 ? `/admin/imports?page=${n}` : '/admin/imports'),
          }),
        })
      },
    )

    app.get('/admin/imports/:id', byId, (request, reply) => review(request.ctx, reply, request.params.id))

    app.post('/admin/imports/:id/apply', byId, (request, reply) =>
      submitForm(request, reply, {
        // No confirmation: an applied batch's page says so, with what was written, in a success banner of its own.
        save: () => service.applyBatch(request.ctx, request.params.id),
        render: (_values, errors) => review(request.ctx, reply, request.params.id, atButton(errors, 'apply')),
        redirect: () => batchPath(request.params.id),
      }),
    )

    app.get('/admin/imports/:id/discard', byId, (request, reply) => discardPage(request.ctx, reply, request.params.id))

    app.post('/admin/imports/:id/discard', byId, (request, reply) =>
      submitForm(request, reply, {
        confirmation: 'Import discarded',
        save: () => service.discardBatch(request.ctx, request.params.id),
        render: (_values, errors) =>
          discardPage(request.ctx, reply, request.params.id, atButton(errors, 'confirm-discard')),
        redirect: () => batchPath(request.params.id),
      }),
    )
  }
}
