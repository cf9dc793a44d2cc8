import { isUniqueViolation } from '#src/platform/db/errors.ts'
import type { Db, Trx } from '#src/database.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { passwordProblem } from '#src/platform/auth/password-policy.ts'
import { hashPassword } from '#src/platform/auth/passwords.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { SessionStore } from '#src/platform/auth/sessions.ts'
import type { Context, Role } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { isUuid } from '#src/platform/db/uuid.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { AccountRow, AccountsRepository } from './repository.ts'
import type { AccountDetailsForm, NewAccountForm } from './schema.ts'

const DUPLICATE_EMAIL = 'An account with this email address already exists'

/** PostgreSQL's unique_violation: two admins adding the same email at once. */
export function createAccountsService(deps: {
  db: Db
  repository: AccountsRepository
  sessions: SessionStore
  bodies: BodiesService
  /** The council's name (a council setting), which passwords may not contain. */
  councilName: (ctx: Context) => Promise<string | null>
}) {
  const { db, repository: repo, sessions, bodies } = deps

  /** The password policy with everything it knows: the council and the account holder. */
  async function assertPasswordAllowed(ctx: Context, password: string, holder: { name: string; email: string }) {
    const councilName = (await deps.councilName(ctx)) ?? undefined
    const problem = passwordProblem(password, { councilName, ...holder })
    if (problem) throw new RuleError(problem, 'password')
  }

  async function findOrThrow(id: string, trx?: Trx): Promise<AccountRow> {
    const account = isUuid(id) ? await repo.findAccount(id, trx) : undefined
    if (!account) throw new NotFoundError('Account')
    return account
  }

  async function assertPersonExists(ctx: Context, personId: string | null) {
    if (personId && (await bodies.getPeopleByIds(ctx, [personId])).length === 0) {
      throw new RuleError('Select a person from the list', 'personId')
    }
  }

  /** One change to an account, audited with before and after, optionally ending its sessions. */
  function change(
    ctx: Context,
    id: string,
    action: string,
    work: (trx: Trx, before: AccountRow) => Promise<AccountRow>,
    endSessions = false,
  ) {
    return withTransaction(db, async (trx) => {
      const before = await findOrThrow(id, trx)
      const after = await work(trx, before)
      if (endSessions) await sessions.endAllFor(id, trx)
      await recordAudit(trx, ctx, { action, subjectType: 'user', subjectId: id, before, after })
      return after
    })
  }

  return {
    listAccounts(ctx: Context) {
      assertCan(ctx.user, 'accounts:manage')
      return repo.listAccounts()
    },

    /** One account with its linked person. Throws NotFoundError. */
    async getAccount(ctx: Context, id: string) {
      assertCan(ctx.user, 'accounts:manage')
      const account = await findOrThrow(id)
      const [person] = account.personId ? await bodies.getPeopleByIds(ctx, [account.personId]) : []
      return { ...account, person: person ?? null, isSelf: account.id === ctx.user.id }
    },

    /** The people an account may be linked to (a councillor's account to their person record). */
    peopleToLink(ctx: Context) {
      assertCan(ctx.user, 'accounts:manage')
      return bodies.listPeople(ctx)
    },

    /** Creates an account with an initial password; the email address must be new. */
    async createAccount(ctx: Context, input: NewAccountForm) {
      assertCan(ctx.user, 'accounts:manage')
      if (await repo.emailTaken(input.email)) throw new RuleError(DUPLICATE_EMAIL, 'email')
      await assertPersonExists(ctx, input.personId)
      await assertPasswordAllowed(ctx, input.password, input)
      const passwordHash = await hashPassword(input.password)
      const { email, name, role, personId } = input
      try {
        return await withTransaction(db, async (trx) => {
          const account = await repo.insertAccount(trx, { email, name, role, personId, passwordHash })
          await recordAudit(trx, ctx, {
            action: 'created account',
            subjectType: 'user',
            subjectId: account.id,
            after: account,
          })
          return account
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new RuleError(DUPLICATE_EMAIL, 'email')
        throw error
      }
    },

    /** Changes the name and the linked person. */
    async changeDetails(ctx: Context, id: string, input: AccountDetailsForm) {
      assertCan(ctx.user, 'accounts:manage')
      await assertPersonExists(ctx, input.personId)
      return change(ctx, id, 'changed account details', (trx) => repo.updateAccount(trx, id, input))
    },

    /**
     * Gives the account another role and signs it out everywhere, so no session goes on with
     * the old role's permissions. Admins cannot change their own role: another admin must,
     * which also means there is always an admin left.
     */
    async changeRole(ctx: Context, id: string, role: Role) {
      assertCan(ctx.user, 'accounts:manage')
      if (id === ctx.user.id) throw new RuleError('You cannot change your own role. Ask another admin to do it', 'role')
      const current = await findOrThrow(id)
      if (current.role === role) return current
      return change(ctx, id, 'changed role', (trx) => repo.updateAccount(trx, id, { role }), true)
    },

    /**
     * Grants or withdraws child-level data of the statutory returns: analysts only, and never one's
     * own, so that two people are always involved.
     */
    async setChildLevelData(ctx: Context, id: string, granted: boolean) {
      assertCan(ctx.user, 'accounts:manage')
      if (id === ctx.user.id)
        throw new RuleError('You cannot change your own access to child-level data', 'childLevelData')
      const current = await findOrThrow(id)
      if (granted && current.role !== 'analyst')
        throw new RuleError('Only an analyst can be given child-level data: change their role first', 'childLevelData')
      if (current.childLevelData === granted) return current
      return change(ctx, id, granted ? 'granted child-level data' : 'withdrew child-level data', (trx) =>
        repo.updateAccount(trx, id, { childLevelData: granted }),
      )
    },

    /** Stops the account signing in and ends its sessions. Admins cannot disable themselves. */
    async disableAccount(ctx: Context, id: string) {
      assertCan(ctx.user, 'accounts:manage')
      if (id === ctx.user.id) throw new RuleError('You cannot disable your own account')
      const current = await findOrThrow(id)
      if (current.disabledAt) return current
      return change(ctx, id, 'disabled account', (trx) => repo.updateAccount(trx, id, { disabledAt: new Date() }), true)
    },

    async enableAccount(ctx: Context, id: string) {
      assertCan(ctx.user, 'accounts:manage')
      const current = await findOrThrow(id)
      if (!current.disabledAt) return current
      return change(ctx, id, 're-enabled account', (trx) => repo.updateAccount(trx, id, { disabledAt: null }))
    },

    /**
     * Sets a new password and ends the account's sessions. The audit event says that it
     * happened, never what the password or its hash is.
     */
    async resetPassword(ctx: Context, id: string, password: string) {
      assertCan(ctx.user, 'accounts:manage')
      await assertPasswordAllowed(ctx, password, await findOrThrow(id))
      const passwordHash = await hashPassword(password)
      return withTransaction(db, async (trx) => {
        await repo.setPasswordHash(trx, id, passwordHash)
        await sessions.endAllFor(id, trx)
        await recordAudit(trx, ctx, { action: 'reset password', subjectType: 'user', subjectId: id })
      })
    },
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>
