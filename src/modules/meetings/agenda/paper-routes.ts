import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { sendPdf } from '#src/platform/papers/send.ts'
import { type MeetingsRouteDeps, meetingParams, views } from '../route-context.ts'
import { agendaPackQuerySchema, republishAgendaSchema } from '../schema.ts'

/** A published version's address: its number, 1 to 9999, then ".pdf"; anything else names no paper (404). */
const versionParams = {
  schema: {
    params: z.object({
      slug: z.string(),
      file: z
        .string()
        .regex(/^\d{1,4}\.pdf$/)
        .transform((file) => Number(file.slice(0, -4))),
    }),
  },
}

/** The agenda pack (published, or a draft for staff), each published version, and publishing a correction. */
export function paperRoutes(deps: MeetingsRouteDeps) {
  const { service } = deps

  const republishForm = (
    reply: FastifyReply,
    found: Awaited<ReturnType<typeof service.agendaToRepublish>>,
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => reply.page(`${views}/agenda-republish.njk`, { ...found, values, ...errors }, formStatus(errors))

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()

    app.get(
      '/meetings/:slug/agenda.pdf',
      { schema: { ...meetingParams.schema, querystring: agendaPackQuerySchema } },
      async (request, reply) => {
        const pack = await service.agendaPack(request.ctx, request.params.slug, {
          draft: request.query.draft === 'yes',
        })
        const name = `${pack.meeting.slug}-agenda${pack.draft ? '-draft' : ''}.pdf`
        return sendPdf(reply, pack.content, name, pack.kept)
      },
    )

    app.get('/meetings/:slug/papers/:file', versionParams, async (request, reply) => {
      const { meeting, paper } = await service.publishedPaper(request.ctx, request.params.slug, request.params.file)
      return sendPdf(reply, paper.content, `${meeting.slug}-${paper.kind}-version-${paper.version}.pdf`, true)
    })

    app.get('/meetings/:slug/agenda/republish', meetingParams, async (request, reply) => {
      return republishForm(reply, await service.agendaToRepublish(request.ctx, request.params.slug), {})
    })

    app.post('/meetings/:slug/agenda/republish', meetingParams, async (request, reply) => {
      assertCan(request.user, 'meetings:edit')
      const found = await service.agendaToRepublish(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: republishAgendaSchema,
        confirmation: 'Correction of the agenda pack published',
        save: (input) => service.republishAgenda(request.ctx, found.meeting.id, input),
        render: (values, errors) => republishForm(reply, found, values, errors),
        redirect: () => `/meetings/${found.meeting.slug}#papers`,
      })
    })
  }
}
