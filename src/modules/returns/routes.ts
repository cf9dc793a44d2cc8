import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { type FieldErrors, formStatus, noErrors, singleError } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import { acceptUploads, uploadIn, withoutUpload } from '#src/platform/forms/upload.ts'
import { type FormValues, postedValues } from '#src/platform/forms/values.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { KIND_FILES, KIND_NAMES, holdUpload } from './ingest.ts'
import type { ExtractKind } from './records.ts'
import type { ReturnsService } from './service.ts'

const views = 'modules/returns/views'
const byId = { schema: { params: pathParams('id') } }

/** The largest extract the upload page takes: bigger ones go through the command line. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024

const KINDS = Object.keys(KIND_NAMES) as ExtractKind[]
const kindItems = (checked?: unknown) =>
  KINDS.map((kind) => ({
    value: kind,
    text: KIND_NAMES[kind],
    hint: { text: `Upload ${KIND_FILES[kind]}` },
    checked: checked === kind,
  }))

const computeSchema = z.object({
  year: z
    .string({ error: 'Select the collection year to compute' })
    .trim()
    .min(1, 'Select the collection year to compute'),
})

/** The delete page's button sends `confirm`: a post without it deletes nothing. */
const deleteSchema = z.object({
  confirm: z.literal('yes', { error: 'Confirm that you want to delete this extract' }),
})

/** The analysts' pages of the statutory returns, under the outcomes framework. */
export function returnsRoutes(deps: { service: ReturnsService; workDir: string }) {
  const { service } = deps

  async function uploadPage(
    ctx: Context,
    reply: FastifyReply,
    values: FormValues = {},
    errors: FieldErrors = noErrors,
  ) {
    assertCan(ctx.user, 'returns:manage')
    return reply.page(
      `${views}/upload.njk`,
      { values, kindItems: kindItems(values.kind), maxMegabytes: MAX_UPLOAD_BYTES / 1024 / 1024, ...errors },
      formStatus(errors),
    )
  }

  async function overviewPage(
    ctx: Context,
    reply: FastifyReply,
    values: FormValues = {},
    errors: FieldErrors = noErrors,
  ) {
    const [overview, years] = await Promise.all([service.overview(ctx), service.years(ctx)])
    return reply.page(
      `${views}/overview.njk`,
      {
        ...overview,
        kindNames: KIND_NAMES,
        yearItems: years.map((y) => ({ value: y, text: y, selected: values.year === y })),
        values,
        ...errors,
      },
      formStatus(errors),
    )
  }

  return async function (app: FastifyInstance) {
    await acceptUploads(app, { maxBytes: MAX_UPLOAD_BYTES, fields: 10 })
    const mayManage = async (request: FastifyRequest) => assertCan(request.user, 'returns:manage')
    const typed = app.withTypeProvider<ZodTypeProvider>()

    app.get('/outcomes/returns', { onRequest: mayManage }, (request, reply) => overviewPage(request.ctx, reply))

    app.get('/outcomes/returns/upload', { onRequest: mayManage }, (request, reply) => uploadPage(request.ctx, reply))

    app.post('/outcomes/returns/upload', { onRequest: mayManage }, async (request, reply) => {
      const posted = postedValues(request.body)
      const values = withoutUpload(posted)
      const upload = uploadIn(posted)
      const kind = KINDS.find((k) => k === values.kind)
      const year = typeof values.year === 'string' ? values.year : ''
      const problems: { path: string; message: string }[] = []
      if (!kind) problems.push({ path: 'kind', message: 'Select which return the extract is' })
      if (!year.trim()) problems.push({ path: 'year', message: 'Enter the collection year, like 2023-24' })
      if (!upload) problems.push({ path: 'file', message: 'Select the extract to upload' })
      else if (upload.truncated)
        problems.push({
          path: 'file',
          message: `The extract must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: use the command line for larger ones`,
        })
      if (problems.length > 0 || !kind || !upload) {
        const errors: FieldErrors = { errors: {}, errorSummary: [] }
        for (const p of problems) {
          errors.errors[p.path] = { text: p.message }
          errors.errorSummary.push({ text: p.message, href: `#${p.path === 'kind' ? 'kind' : p.path}` })
        }
        return uploadPage(request.ctx, reply, values, errors)
      }
      // The file as uploaded holds the children's real ids and more: it is removed as soon as it is read.
      const path = await holdUpload(deps.workDir, upload.filename, upload.data)
      try {
        const taken = await service.takeExtract(request.ctx, {
          kind,
          year,
          path,
          fileName: upload.filename || 'extract',
        })
        return reply.confirm('Extract taken in').redirect(`/outcomes/returns/extracts/${taken.extract.id}`, 303)
      } catch (error) {
        if (error instanceof RuleError)
          return uploadPage(request.ctx, reply, values, singleError(error.field ?? 'file', error.message))
        throw error
      } finally {
        await rm(dirname(path), { recursive: true, force: true })
      }
    })

    typed.get('/outcomes/returns/extracts/:id', { ...byId, onRequest: mayManage }, async (request, reply) => {
      const extract = await service.extract(request.ctx, request.params.id)
      return reply.page(`${views}/extract.njk`, {
        extract,
        kindName: KIND_NAMES[extract.kind],
        rows: Object.entries(extract.rowsKept).map(([table, count]) => ({ table, count })),
        mayReadChildLevel: can(request.user, 'returns:child-level'),
      })
    })

    typed.get('/outcomes/returns/extracts/:id/failures', { ...byId, onRequest: mayManage }, async (request, reply) => {
      const { extract, report } = await service.failures(request.ctx, request.params.id)
      return reply
        .header('cache-control', 'no-store')
        .page(`${views}/failures.njk`, { extract, kindName: KIND_NAMES[extract.kind], report })
    })

    typed.get('/outcomes/returns/extracts/:id/delete', { ...byId, onRequest: mayManage }, async (request, reply) => {
      const extract = await service.extract(request.ctx, request.params.id)
      return reply.page(`${views}/delete.njk`, { extract, kindName: KIND_NAMES[extract.kind] })
    })

    typed.post('/outcomes/returns/extracts/:id/delete', { ...byId, onRequest: mayManage }, (request, reply) =>
      submitForm(request, reply, {
        schema: deleteSchema,
        save: () => service.deleteExtract(request.ctx, request.params.id),
        render: async (_values, errors) => {
          const extract = await service.extract(request.ctx, request.params.id)
          const data = { extract, kindName: KIND_NAMES[extract.kind], ...errors }
          return reply.page(`${views}/delete.njk`, data, formStatus(errors))
        },
        redirect: () => '/outcomes/returns',
        confirmation: 'Extract deleted',
      }),
    )

    app.post('/outcomes/returns/compute', { onRequest: mayManage }, (request, reply) =>
      submitForm(request, reply, {
        schema: computeSchema,
        save: (input) => service.compute(request.ctx, input.year),
        render: (values, errors) => overviewPage(request.ctx, reply, values, errors),
        redirect: (computation) => `/outcomes/returns/computations/${computation.id}`,
        confirmation: (computation) => `Indicators computed for ${computation.collectionYear}`,
      }),
    )

    async function computationPage(
      ctx: Context,
      reply: FastifyReply,
      id: string,
      values: FormValues | null,
      errors: FieldErrors = noErrors,
    ) {
      const review = await service.computation(ctx, id)
      const linked = (key: string) => (values ? (values[`link-${key}`] as string | undefined) : undefined) ?? ''
      const rows = review.rows.map((row) => ({
        ...row,
        field: `link-${row.key}`,
        items: [
          { value: '', text: 'Do not publish' },
          ...row.choices.map((c) => ({
            value: c.code,
            text: `${c.code}: ${c.name}`,
            selected: linked(row.key) === c.code,
          })),
        ],
      }))
      return reply.page(
        `${views}/computation.njk`,
        { ...review, rows, kindNames: KIND_NAMES, ...errors },
        formStatus(errors),
      )
    }

    typed.get('/outcomes/returns/computations/:id', { ...byId, onRequest: mayManage }, (request, reply) =>
      computationPage(request.ctx, reply, request.params.id, null),
    )

    typed.post('/outcomes/returns/computations/:id/publish', { ...byId, onRequest: mayManage }, (request, reply) =>
      submitForm(request, reply, {
        save: () => {
          const values = postedValues(request.body)
          const links = Object.fromEntries(
            Object.entries(values)
              .filter(([name, value]) => name.startsWith('link-') && typeof value === 'string' && value !== '')
              .map(([name, value]) => [name.slice('link-'.length), value as string]),
          )
          return service.publish(request.ctx, request.params.id, links)
        },
        render: (values, errors) => computationPage(request.ctx, reply, request.params.id, values, errors),
        redirect: () => `/outcomes/returns/computations/${request.params.id}`,
        confirmation: (published) =>
          `${published.count} value${published.count === 1 ? '' : 's'} published to the framework`,
      }),
    )
  }
}
