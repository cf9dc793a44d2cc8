import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Db, Trx } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { hashPassword } from '#src/platform/auth/passwords.ts'
import type { Role } from '#src/platform/auth/user.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { DEMO_PEOPLE, insertDemoRecord } from './democratic-record.ts'
import { insertDemoRecommendations } from './recommendations.ts'
import { insertDemoDecisionsAndWorkProgramme } from './decisions-and-work-programme.ts'
import { insertDemoWaitingLists } from './waiting-lists.ts'
import { insertDemoIndicators } from './indicators.ts'
import { insertDemoInspections } from './inspections.ts'
import { PLAN_MEETINGS, insertDemoImprovementPlan } from './improvement-plan.ts'

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; person?: keyof typeof DEMO_PEOPLE }[] = [
  { email: 'admin@example.org', name: 'Demo admin', role: 'admin' },
  { email: 'scrutiny@example.org', name: 'Demo scrutiny officer', role: 'scrutiny_officer', person: 'scrutinyOfficer' },
  { email: 'officer@example.org', name: 'Demo officer', role: 'officer', person: 'officer' },
  { email: 'member@example.org', name: 'Demo councillor', role: 'member', person: 'member' },
  { email: 'analyst@example.org', name: 'Demo analyst', role: 'analyst' },
]

/** True when nothing has been recorded yet: no bodies and no accounts. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const row = await sql<{
    n: number
  }>`select (select count(*) from bodies) + (select count(*) from users) as n`.execute(db)
  return Number(row.rows[0]?.n ?? 0) === 0
}

async function insertDemoAccounts(trx: Trx, password: string) {
  const passwordHash = await hashPassword(password)
  for (const account of DEMO_ACCOUNTS) {
    const person = account.person
      ? await trx.selectFrom('people').select('id').where('slug', '=', DEMO_PEOPLE[account.person]).executeTakeFirst()
      : undefined
    await trx
      .insertInto('users')
      .values({
        email: account.email,
        name: account.name,
        role: account.role,
        personId: person?.id ?? null,
        passwordHash,
      })
      .execute()
  }
}

/** The inspections, then the improvement plan that answers the December 2022 ILACS. */
async function insertDemoInspectionsAndPlan(trx: Trx) {
  const findingIds = await insertDemoInspections(trx)
  const byKey = async <T extends { slug: string; id: string }>(rows: Promise<T[]>) =>
    new Map((await rows).map((row) => [row.slug, row.id]))
  await insertDemoImprovementPlan(trx, {
    findingIds,
    inspectionIds: await byKey(trx.selectFrom('inspections').select(['slug', 'id']).execute()),
    meetingIds: await byKey(
      trx
        .selectFrom('meetings')
        .select(['slug', 'id'])
        .where('slug', 'in', [...PLAN_MEETINGS])
        .execute(),
    ),
    personIds: await byKey(trx.selectFrom('people').select(['slug', 'id']).execute()),
  })
}

/**
 * Loads the demo dataset (facts from the council's published papers) and the demo accounts,
 * in one transaction, on an empty database only.
 */
export async function loadDemo(db: Db, options: { password?: string }) {
  if (!(await databaseIsEmpty(db))) return { loaded: false as const }
  const generatedPassword = options.password ? undefined : randomBytes(12).toString('base64url')
  const password = options.password ?? generatedPassword!
  await withTransaction(db, async (trx) => {
    await insertDemoRecord(trx)
    await insertDemoDecisionsAndWorkProgramme(trx)
    await insertDemoRecommendations(trx)
    await insertDemoWaitingLists(trx)
    await insertDemoIndicators(trx)
    await insertDemoInspectionsAndPlan(trx)
    await insertDemoAccounts(trx, password)
    await recordAudit(trx, systemContext('demo'), {
      action: 'loaded demo data',
      subjectType: 'system',
      subjectId: 'demo',
    })
  })
  return { loaded: true as const, generatedPassword }
}
