import type { Db, Trx } from '#src/database.ts'
import type { Role } from '#src/platform/auth/user.ts'
import { createAccountsRepository } from './repository.ts'

/** The demo's accounts (ADR 9): one per role, sharing one password, some standing for a person. */
export async function loadDemoAccounts(
  trx: Trx,
  accounts: { email: string; name: string; role: Role; personId: string | null }[],
  passwordHash: string,
): Promise<void> {
  const repository = createAccountsRepository(trx)
  for (const account of accounts) await repository.insertAccount(trx, { ...account, passwordHash })
}

/** Whether any account exists: the demo loads only into a database that has none. */
export async function hasAccounts(db: Db): Promise<boolean> {
  return Boolean(await db.selectFrom('users').select('id').limit(1).executeTakeFirst())
}
