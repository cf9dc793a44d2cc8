import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AuditReader } from '#src/platform/audit/reader.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import { ROLE_LABELS, ROLES } from '#src/platform/auth/user.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { type FieldErrors, formStatus, noErrors } from '#src/platform/forms/errors.ts'
import { submitForm } from '#src/platform/forms/submit.ts'
import type { FormValues } from '#src/platform/forms/values.ts'
import { pathParams } from '#src/platform/http/path-params.ts'
import { ROLE_DESCRIPTIONS } from './role-descriptions.ts'
import { accountDetailsSchema, childLevelDataSchema, newAccountSchema, passwordSchema, roleSchema } from './schema.ts'
import type { AccountsService } from './service.ts'

const views = 'modules/accounts/views'

const roleItems = ROLES.map((role) => ({
  value: role,
  text: ROLE_LABELS[role],
  hint: { text: ROLE_DESCRIPTIONS[role] },
}))
const byId = { schema: { params: pathParams('id') } }

/** Never send a typed password back to the browser in a re-rendered form. */
function withoutPasswords(values: FormValues): FormValues {
  const { password: _password, confirmPassword: _confirm, ...rest } = values
  return rest
}

/** The admin landing page: what an admin can manage. */
export function adminRoutes() {
  return async function (app: FastifyInstance) {
    app.get('/admin', async (request, reply) => {
      const canManageAccounts = can(request.user, 'accounts:manage')
      const canReadAudit = can(request.user, 'audit:read')
      const canReadBackups = can(request.user, 'backups:read')
      const canEditSettings = can(request.user, 'settings:edit')
      const canManageImports = can(request.user, 'imports:manage')
      const canReadOutbox = can(request.user, 'outbox:read')
      if (
        !canManageAccounts &&
        !canReadAudit &&
        !canReadBackups &&
        !canEditSettings &&
        !canManageImports &&
        !canReadOutbox
      ) {
        assertCan(request.user, 'accounts:manage')
      }
      return reply.page(`${views}/admin.njk`, {
        canManageAccounts,
        canReadAudit,
        canReadBackups,
        canEditSettings,
        canManageImports,
        canReadOutbox,
      })
    })
  }
}

export function accountsRoutes(deps: { service: AccountsService; audit: AuditReader }) {
  const { service, audit } = deps

  async function newAccountForm(ctx: Context, reply: FastifyReply, values: FormValues, errors: FieldErrors = noErrors) {
    const people = await service.peopleToLink(ctx)
    return reply.page(`${views}/new.njk`, { roleItems, people, values, ...errors }, formStatus(errors))
  }

  async function detailsForm(ctx: Context, reply: FastifyReply, id: string, values?: FormValues, errors = noErrors) {
    const [account, people] = await Promise.all([service.getAccount(ctx, id), service.peopleToLink(ctx)])
    const data = { account, people, values: values ?? account, ...errors }
    return reply.page(`${views}/details-form.njk`, data, formStatus(errors))
  }

  /** One of the account's own pages with a form: its role, its password, disabling it. */
  async function accountForm(
    ctx: Context,
    reply: FastifyReply,
    id: string,
    view: string,
    values?: FormValues,
    errors: FieldErrors = noErrors,
  ) {
    const account = await service.getAccount(ctx, id)
    const data = { account, roleItems, values: values ?? account, ...errors }
    return reply.page(`${views}/${view}`, data, formStatus(errors))
  }

  return async function (instance: FastifyInstance) {
    const app = instance.withTypeProvider<ZodTypeProvider>()
    // Every page here is for account managers; the service checks again for each change.
    app.addHook('preHandler', async (request) => assertCan(request.user, 'accounts:manage'))

    app.get('/admin/accounts', async (request, reply) => {
      const accounts = await service.listAccounts(request.ctx)
      return reply.page(`${views}/list.njk`, { accounts, roleLabels: ROLE_LABELS })
    })

    app.get('/admin/accounts/new', (request, reply) => newAccountForm(request.ctx, reply, {}))

    app.post('/admin/accounts', (request, reply) =>
      submitForm(request, reply, {
        schema: newAccountSchema,
        confirmation: 'Account created',
        save: (input) => service.createAccount(request.ctx, input),
        render: (values, errors) => newAccountForm(request.ctx, reply, withoutPasswords(values), errors),
        redirect: (account) => `/admin/accounts/${account.id}`,
      }),
    )

    app.get('/admin/accounts/:id', byId, async (request, reply) => {
      const account = await service.getAccount(request.ctx, request.params.id)
      const history = await audit.historyOf(request.ctx, 'user', account.id)
      return reply.page(`${views}/show.njk`, { account, history, roleLabels: ROLE_LABELS })
    })

    const accountPath = (id: string) => `/admin/accounts/${id}`

    app.get('/admin/accounts/:id/edit', byId, (request, reply) => detailsForm(request.ctx, reply, request.params.id))

    app.post('/admin/accounts/:id/edit', byId, (request, reply) =>
      submitForm(request, reply, {
        schema: accountDetailsSchema,
        confirmation: 'Account updated',
        save: (input) => service.changeDetails(request.ctx, request.params.id, input),
        render: (values, errors) => detailsForm(request.ctx, reply, request.params.id, values, errors),
        redirect: () => accountPath(request.params.id),
      }),
    )

    app.get('/admin/accounts/:id/role', byId, (request, reply) =>
      accountForm(request.ctx, reply, request.params.id, 'role-form.njk'),
    )

    app.post('/admin/accounts/:id/role', byId, (request, reply) =>
      submitForm(request, reply, {
        schema: roleSchema,
        confirmation: 'Role changed',
        save: (input) => service.changeRole(request.ctx, request.params.id, input.role),
        render: (values, errors) => accountForm(request.ctx, reply, request.params.id, 'role-form.njk', values, errors),
        redirect: () => accountPath(request.params.id),
      }),
    )

    app.get('/admin/accounts/:id/child-level-data', byId, async (request, reply) => {
      const account = await service.getAccount(request.ctx, request.params.id)
      return accountForm(request.ctx, reply, request.params.id, 'child-level-form.njk', {
        childLevelData: account.childLevelData ? 'yes' : 'no',
      })
    })

    app.post('/admin/accounts/:id/child-level-data', byId, (request, reply) =>
      submitForm(request, reply, {
        schema: childLevelDataSchema,
        confirmation: (account: { childLevelData: boolean }) =>
          account.childLevelData ? 'Child-level data granted' : 'Child-level data withdrawn',
        save: (input) => service.setChildLevelData(request.ctx, request.params.id, input.childLevelData === 'yes'),
        render: (values, errors) =>
          accountForm(request.ctx, reply, request.params.id, 'child-level-form.njk', values, errors),
        redirect: () => accountPath(request.params.id),
      }),
    )

    app.get('/admin/accounts/:id/disable', byId, (request, reply) =>
      accountForm(request.ctx, reply, request.params.id, 'disable.njk'),
    )

    app.post('/admin/accounts/:id/disable', byId, (request, reply) =>
      submitForm(request, reply, {
        confirmation: 'Account disabled',
        save: () => service.disableAccount(request.ctx, request.params.id),
        render: (_values, errors) => {
          // The refusal is about the action, not a field: the summary links to the button.
          const errorSummary = errors.errorSummary.map(({ text }) => ({ text, href: '#confirm-disable' }))
          return accountForm(request.ctx, reply, request.params.id, 'disable.njk', undefined, {
            ...errors,
            errorSummary,
          })
        },
        redirect: () => accountPath(request.params.id),
      }),
    )

    app.post('/admin/accounts/:id/enable', byId, async (request, reply) => {
      await service.enableAccount(request.ctx, request.params.id)
      return reply.confirm('Account enabled').redirect(accountPath(request.params.id), 303)
    })

    app.get('/admin/accounts/:id/password', byId, (request, reply) =>
      accountForm(request.ctx, reply, request.params.id, 'password-form.njk'),
    )

    app.post('/admin/accounts/:id/password', byId, (request, reply) =>
      submitForm(request, reply, {
        schema: passwordSchema,
        confirmation: 'Password reset',
        save: (input) => service.resetPassword(request.ctx, request.params.id, input.password),
        // What was typed is not shown again: a password never goes back to the browser.
        render: (_values, errors) =>
          accountForm(request.ctx, reply, request.params.id, 'password-form.njk', undefined, errors),
        redirect: () => accountPath(request.params.id),
      }),
    )
  }
}
