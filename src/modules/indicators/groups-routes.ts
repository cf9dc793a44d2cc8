import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { versionValue } from '#src/platform/forms/edit-version.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { groupSchema } from './schema.ts'
import type { IndicatorsService } from './service.ts'

const views = 'modules/indicators/views'
const byGroup = { schema: { params: pathParams('id') } }

/** The analysts' pages for the council's indicator groups: the list, and the forms to add, rename and move one. */
export function groupsRoutes(instance: FastifyInstance, service: IndicatorsService) {
  const app = instance.withTypeProvider<ZodTypeProvider>()

  async function groupForm(
    ctx: Context,
    reply: FastifyReply,
    id: string | null,
    values: FormValues | null,
    errors: FieldErrors = noErrors,
  ) {
    const group = await service.groupForm(ctx, id)
    const shown =
      values ?? (group ? { name: group.name, position: String(group.position), ...versionValue(group) } : {})
    return reply.page(`${views}/group-form.njk`, { group, values: shown, ...errors }, formStatus(errors))
  }

  app.get('/outcomes/groups', async (request, reply) => {
    assertCan(request.user, 'indicators:edit')
    return reply.page(`${views}/groups.njk`, { groups: await service.listGroups(request.ctx) })
  })

  app.get('/outcomes/groups/new', (request, reply) => groupForm(request.ctx, reply, null, {}))

  app.post('/outcomes/groups', async (request, reply) => {
    assertCan(request.user, 'indicators:edit')
    return submitForm(request, reply, {
      schema: groupSchema,
      confirmation: 'Group added',
      save: (input) => service.addGroup(request.ctx, input),
      render: (values, errors) => groupForm(request.ctx, reply, null, values, errors),
      redirect: () => '/outcomes/groups',
    })
  })

  app.get('/outcomes/groups/:id/edit', byGroup, (request, reply) =>
    groupForm(request.ctx, reply, request.params.id, null),
  )

  app.post('/outcomes/groups/:id/edit', byGroup, async (request, reply) => {
    assertCan(request.user, 'indicators:edit')
    const { id } = request.params
    return submitForm(request, reply, {
      schema: groupSchema,
      confirmation: 'Group updated',
      save: (input, version) => service.changeGroup(request.ctx, id, version, input),
      render: (values, errors) => groupForm(request.ctx, reply, id, values, errors),
      redirect: () => '/outcomes/groups',
    })
  })
}
