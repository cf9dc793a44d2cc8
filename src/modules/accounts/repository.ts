import type { Db, Trx } from '#src/database.ts'
import type { Role } from '#src/platform/auth/user.ts'

export interface AccountInput {
  email: string
  name: string
  role: Role
  personId: string | null
  passwordHash: string
}

export interface AccountChanges {
  name?: string
  role?: Role
  personId?: string | null
  disabledAt?: Date | null
  childLevelData?: boolean
}

/** Everything about an account except its password hash, which never leaves this file. */
const accountColumns = ['id', 'email', 'name', 'role', 'personId', 'disabledAt', 'createdAt', 'childLevelData'] as const

export function createAccountsRepository(db: Db) {
  return {
    /** Every account with the name of its linked person, by name. */
    listAccounts() {
      return db
        .selectFrom('users')
        .leftJoin('people', 'people.id', 'users.personId')
        .select(accountColumns.map((column) => `users.${column}` as const))
        .select(['people.name as personName', 'people.slug as personSlug'])
        .orderBy('users.name')
        .orderBy('users.email')
        .execute()
    },
    findAccount(id: string, trx: Db | Trx = db) {
      return trx.selectFrom('users').select(accountColumns).where('id', '=', id).executeTakeFirst()
    },
    async emailTaken(email: string, trx: Db | Trx = db) {
      const row = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
      return Boolean(row)
    },
    /** Whether an admin account can sign in. */
    async hasActiveAdmin() {
      const admin = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabledAt', 'is', null)
        .executeTakeFirst()
      return Boolean(admin)
    },
    insertAccount(trx: Trx, input: AccountInput) {
      return trx.insertInto('users').values(input).returning(accountColumns).executeTakeFirstOrThrow()
    },
    updateAccount(trx: Trx, id: string, changes: AccountChanges) {
      return trx
        .updateTable('users')
        .set(changes)
        .where('id', '=', id)
        .returning(accountColumns)
        .executeTakeFirstOrThrow()
    },
    async setPasswordHash(trx: Trx, id: string, passwordHash: string) {
      await trx.updateTable('users').set({ passwordHash }).where('id', '=', id).execute()
    },
  }
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>
export type AccountRow = NonNullable<Awaited<ReturnType<AccountsRepository['findAccount']>>>
