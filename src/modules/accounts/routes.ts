import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { ROLE_LABELS, ROLES } from '#src/platform/auth/user.ts'
import { attempt, parseForm } from '#src/platform/forms/errors.ts'
import { ROLE_DESCRIPTIONS } from './role-descriptions.ts'
import { accountDetailsSchema, newAccountSchema, passwordSchema, roleSchema } from './schema.ts'
import type { AccountsService } from './service.ts'

const views = 'modules/accounts/views'
type Form = Record<string, string | undefined>
type Reply = FastifyReply

const roleItems = ROLES.map((role) => ({
  value: role,
  text: ROLE_LABELS[role],
  hint: { text: ROLE_DESCRIPTIONS[role] },
}))
const idOf = (request: FastifyRequest) => (request.params as { id: string }).id

/** Never send a typed password back to the browser in a re-rendered form. */
function withoutPasswords(body: Form): Form {
  const { password: _password, confirmPassword: _confirm, ...rest } = body
  return rest
}

/** The admin landing page: what an admin can manage. */
export function adminRoutes() {
  return async function (app: FastifyInstance) {
    app.get('/admin', async (request, reply) => {
      const canManageAccounts = can(request.user, 'accounts:manage')
      const canReadAudit = can(request.user, 'audit:read')
      const canReadBackups = can(request.user, 'backups:read')
      if (!canManageAccounts && !canReadAudit && !canReadBackups) assertCan(request.user, 'accounts:manage')
      return reply.page(`${views}/admin.njk`, { canManageAccounts, canReadAudit, canReadBackups })
    })
  }
}

export function accountsRoutes(deps: { service: AccountsService; audit: AuditReader }) {
  const { service, audit } = deps

  async function renderNewAccount(request: FastifyRequest, reply: Reply, data: Record<string, unknown>, status = 200) {
    const people = await service.peopleToLink(request.ctx)
    return reply.page(`${views}/new.njk`, { roleItems, people, values: {}, ...data }, status)
  }

  async function renderDetails(request: FastifyRequest, reply: Reply, data: Record<string, unknown>, status = 200) {
    const [account, people] = await Promise.all([
      service.getAccount(request.ctx, idOf(request)),
      service.peopleToLink(request.ctx),
    ])
    return reply.page(`${views}/details-form.njk`, { account, people, values: account, ...data }, status)
  }

  async function renderAccountForm(
    request: FastifyRequest,
    reply: Reply,
    view: string,
    data: Record<string, unknown> = {},
    status = 200,
  ) {
    const account = await service.getAccount(request.ctx, idOf(request))
    return reply.page(`${views}/${view}`, { account, roleItems, values: account, ...data }, status)
  }

  return async function (app: FastifyInstance) {
    // Every page here is for account managers; the service checks again for each change.
    app.addHook('preHandler', async (request) => assertCan(request.user, 'accounts:manage'))

    app.get('/admin/accounts', async (request, reply) => {
      const accounts = await service.listAccounts(request.ctx)
      return reply.page(`${views}/list.njk`, { accounts, roleLabels: ROLE_LABELS })
    })

    app.get('/admin/accounts/new', (request, reply) => renderNewAccount(request, reply, {}))

    app.post('/admin/accounts', async (request, reply) => {
      const body = request.body as Form
      const parsed = parseForm(newAccountSchema, body)
      const result = parsed.ok ? await attempt(() => service.createAccount(request.ctx, parsed.value)) : parsed
      if (!result.ok) return renderNewAccount(request, reply, { values: withoutPasswords(body), ...result }, 400)
      return reply.redirect(`/admin/accounts/${result.value.id}`, 303)
    })

    app.get('/admin/accounts/:id', async (request, reply) => {
      const account = await service.getAccount(request.ctx, idOf(request))
      const history = await audit.historyOf(request.ctx, 'user', account.id)
      return reply.page(`${views}/show.njk`, { account, history, roleLabels: ROLE_LABELS })
    })

    app.get('/admin/accounts/:id/edit', (request, reply) => renderDetails(request, reply, {}))

    app.post('/admin/accounts/:id/edit', async (request, reply) => {
      const body = request.body as Form
      const parsed = parseForm(accountDetailsSchema, body)
      const result = parsed.ok
        ? await attempt(() => service.changeDetails(request.ctx, idOf(request), parsed.value))
        : parsed
      if (!result.ok) return renderDetails(request, reply, { values: body, ...result }, 400)
      return reply.redirect(`/admin/accounts/${idOf(request)}`, 303)
    })

    app.get('/admin/accounts/:id/role', (request, reply) => renderAccountForm(request, reply, 'role-form.njk'))

    app.post('/admin/accounts/:id/role', async (request, reply) => {
      const body = request.body as Form
      const parsed = parseForm(roleSchema, body)
      const result = parsed.ok
        ? await attempt(() => service.changeRole(request.ctx, idOf(request), parsed.value.role))
        : parsed
      if (!result.ok) return renderAccountForm(request, reply, 'role-form.njk', { values: body, ...result }, 400)
      return reply.redirect(`/admin/accounts/${idOf(request)}`, 303)
    })

    app.get('/admin/accounts/:id/disable', (request, reply) => renderAccountForm(request, reply, 'disable.njk'))

    app.post('/admin/accounts/:id/disable', async (request, reply) => {
      const result = await attempt(() => service.disableAccount(request.ctx, idOf(request)))
      if (!result.ok) {
        // The refusal is about the action, not a field: the summary links to the button.
        const errorSummary = result.errorSummary.map(({ text }) => ({ text, href: '#confirm-disable' }))
        return renderAccountForm(request, reply, 'disable.njk', { errorSummary }, 400)
      }
      return reply.redirect(`/admin/accounts/${idOf(request)}`, 303)
    })

    app.post('/admin/accounts/:id/enable', async (request, reply) => {
      await service.enableAccount(request.ctx, idOf(request))
      return reply.redirect(`/admin/accounts/${idOf(request)}`, 303)
    })

    app.get('/admin/accounts/:id/password', (request, reply) => renderAccountForm(request, reply, 'password-form.njk'))

    app.post('/admin/accounts/:id/password', async (request, reply) => {
      const parsed = parseForm(passwordSchema, request.body)
      const result = parsed.ok
        ? await attempt(() => service.resetPassword(request.ctx, idOf(request), parsed.value.password))
        : parsed
      if (!result.ok) return renderAccountForm(request, reply, 'password-form.njk', { ...result }, 400)
      return reply.redirect(`/admin/accounts/${idOf(request)}`, 303)
    })
  }
}
