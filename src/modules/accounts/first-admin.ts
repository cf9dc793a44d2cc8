import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { passwordProblem } from '#src/platform/auth/password-policy.ts'
import { hashPassword } from '#src/platform/auth/passwords.ts'
import { normaliseEmail } from '#src/platform/auth/sign-in.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import { createAccountsRepository } from './repository.ts'

const input = z.object({
  email: z
    .string()
    .trim()
    .email('Give an email address in the correct format, like name@example.org')
    .transform(normaliseEmail),
  name: z.string().trim().min(1, 'Give the admin’s full name').max(200, 'The name must be 200 characters or fewer'),
  password: z.string().optional(),
})

/**
 * `oversight create-admin <email> <name>`: the first admin account of a database without demo
 * data, from the command line. Later accounts are made by an admin at /admin/accounts. Without a
 * password one is generated and returned to be shown once. Audited as a command-line change.
 */
export async function createAdminAccount(
  db: Db,
  args: { email?: string; name?: string; password?: string },
  settings: { councilName?: string } = {},
) {
  const parsed = input.safeParse(args)
  if (!parsed.success) throw new RuleError(parsed.error.issues[0].message)
  const { email, name } = parsed.data
  const problem = parsed.data.password && passwordProblem(parsed.data.password, { ...settings, name, email })
  if (problem) throw new RuleError(problem)
  const repository = createAccountsRepository(db)
  if (await repository.emailTaken(email))
    throw new RuleError(`An account with the email address ${email} already exists`)
  const generatedPassword = parsed.data.password ? undefined : randomBytes(15).toString('base64url')
  const passwordHash = await hashPassword(parsed.data.password ?? generatedPassword!)
  const account = await withTransaction(db, async (trx) => {
    const created = await repository.insertAccount(trx, { email, name, role: 'admin', personId: null, passwordHash })
    await recordAudit(trx, systemContext('command line'), {
      action: 'created account',
      subjectType: 'user',
      subjectId: created.id,
      after: created,
    })
    return created
  })
  return { account, generatedPassword }
}

/** True until an admin who can sign in exists: until then only `create-admin` can make accounts. */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  return !(await createAccountsRepository(db).hasActiveAdmin())
}
