import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { emailAddress } from '#src/platform/forms/fields.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import type { AlertsService } from './alerts.ts'

const views = 'modules/notifications/views'

export const alertsSchema = z.object({ email: emailAddress })

/** Subscriptions a minute from one address: enough for a person, too few to mail-bomb anyone. */
const LIMITED = { config: { rateLimit: { max: 5, timeWindow: '1 minute' } } }

type Params = { slug: string }
type TokenParams = { token: string }

/** Email alerts for anyone: subscribe to a body, confirm, leave. */
export function alertsRoutes(deps: { alerts: AlertsService }) {
  const { alerts } = deps

  const form = (
    reply: FastifyReply,
    body: { name: string; slug: string },
    values: FormValues,
    errors: FieldErrors = noErrors,
  ) => reply.page(`${views}/alerts-form.njk`, { body, values, ...errors }, formStatus(errors))

  return async function (app: FastifyInstance) {
    app.get<{ Params: Params }>('/bodies/:slug/alerts', async (request, reply) =>
      form(reply, await alerts.alertsBody(request.ctx, request.params.slug), {}),
    )

    app.post<{ Params: Params }>('/bodies/:slug/alerts', LIMITED, async (request, reply) => {
      const body = await alerts.alertsBody(request.ctx, request.params.slug)
      return submitForm(request, reply, {
        schema: alertsSchema,
        save: (input) => alerts.subscribe(request.ctx, body.slug, input.email),
        render: (values, errors) => form(reply, body, values, errors),
        redirect: () => `/bodies/${body.slug}/alerts/check-your-email`,
      })
    })

    app.get<{ Params: Params }>('/bodies/:slug/alerts/check-your-email', async (request, reply) => {
      const body = await alerts.alertsBody(request.ctx, request.params.slug)
      return reply.page(`${views}/alerts-check.njk`, { body })
    })

    app.get<{ Params: TokenParams }>('/alerts/:token/confirm', async (request, reply) => {
      const subscription = await alerts.subscription(request.ctx, request.params.token)
      return reply.page(`${views}/alerts-confirm.njk`, { subscription, token: request.params.token })
    })

    app.post<{ Params: TokenParams }>('/alerts/:token/confirm', LIMITED, async (request, reply) => {
      await alerts.confirm(request.ctx, request.params.token)
      return reply.redirect(`/alerts/${request.params.token}/confirm`, 303)
    })

    app.get<{ Params: TokenParams }>('/alerts/:token/unsubscribe', async (request, reply) => {
      const subscription = await alerts.subscription(request.ctx, request.params.token)
      return reply.page(`${views}/alerts-unsubscribe.njk`, { subscription, token: request.params.token })
    })

    app.post<{ Params: TokenParams }>('/alerts/:token/unsubscribe', LIMITED, async (request, reply) => {
      const left = await alerts.unsubscribe(request.ctx, request.params.token)
      return reply.redirect(`/bodies/${left.bodySlug}/alerts/stopped`, 303)
    })

    app.get<{ Params: Params }>('/bodies/:slug/alerts/stopped', async (request, reply) => {
      const body = await alerts.alertsBody(request.ctx, request.params.slug)
      return reply.page(`${views}/alerts-left.njk`, { body })
    })
  }
}
