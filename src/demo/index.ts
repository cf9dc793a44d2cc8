import { randomBytes } from 'node:crypto'
import type { Db } from '#src/database.ts'
import { hasAccounts, loadDemoAccounts } from '#src/modules/accounts/index.ts'
import { hasBodies, loadDemoBodies } from '#src/modules/bodies/index.ts'
import { loadDemoDecisions } from '#src/modules/decisions/index.ts'
import { loadDemoImprovement } from '#src/modules/improvement/index.ts'
import { loadDemoIndicators } from '#src/modules/indicators/index.ts'
import { loadDemoMeetings } from '#src/modules/meetings/index.ts'
import { loadDemoMinutes } from '#src/modules/meetings/minutes/index.ts'
import { loadDemoRecommendations } from '#src/modules/recommendations/index.ts'
import { loadDemoWaitingLists } from '#src/modules/waitinglists/index.ts'
import { loadDemoWorkProgramme } from '#src/modules/workprogramme/index.ts'
import { loadDemoSettings } from '#src/modules/settings/index.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { hashPassword } from '#src/platform/auth/passwords.ts'
import { type Role, systemContext } from '#src/platform/auth/user.ts'
import { withTransaction } from '#src/platform/db/database.ts'

/** The demo accounts, one a role; `person` is the slug of the person in the demo data they stand for. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; person?: string }[] = [
  { email: 'admin@example.org', name: 'Demo admin', role: 'admin' },
  { email: 'scrutiny@example.org', name: 'Demo scrutiny officer', role: 'scrutiny_officer', person: 'sharon-davis' },
  { email: 'officer@example.org', name: 'Demo officer', role: 'officer', person: 'chris-coyle' },
  { email: 'member@example.org', name: 'Demo councillor', role: 'member', person: 'flanagan' },
  { email: 'analyst@example.org', name: 'Demo analyst', role: 'analyst' },
]

/** True when nothing has been recorded yet: no bodies and no accounts. */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  return !(await hasBodies(db)) && !(await hasAccounts(db))
}

/**
 * Loads the demo dataset (facts from the council's published papers, in src/demo/data) and the demo
 * accounts, in one transaction, on an empty database only. Each module loads its own records (ADR 9),
 * handed the ids of the records of others that they point at; the files are read and checked first,
 * so a bad file writes nothing.
 */
export async function loadDemo(db: Db, options: { password?: string }) {
  if (!(await databaseIsEmpty(db))) return { loaded: false as const }
  // Read only when loading: a database that has data never pays for parsing the files.
  const { readDemoDataset } = await import('./dataset.ts')
  const data = readDemoDataset()
  const generatedPassword = options.password ? undefined : randomBytes(12).toString('base64url')
  const password = options.password ?? generatedPassword!
  await withTransaction(db, async (trx) => {
    await loadDemoSettings(trx, data.settings)
    const { bodyId, personId } = await loadDemoBodies(trx, data.bodies)
    const { meetingId, agendaItemId } = await loadDemoMeetings(trx, data.meetings, { bodyId })
    const { resolutionId } = await loadDemoMinutes(trx, data.minutes, { meetingId, agendaItemId, personId })
    await loadDemoDecisions(trx, data.decisions, { bodyId, personId })
    await loadDemoWorkProgramme(trx, data.workProgramme, { bodyId, meetingId, agendaItemId })
    await loadDemoRecommendations(trx, data.recommendations, {
      bodyId,
      personId,
      resolution: (meeting, item, number) => ({
        meetingId: meetingId(meeting),
        agendaItemId: agendaItemId(meeting, item),
        resolutionId: resolutionId(meeting, item, number),
      }),
    })
    await loadDemoWaitingLists(trx, data.waitingLists)
    await loadDemoIndicators(trx, data.indicators)
    await loadDemoImprovement(trx, data.improvement, { meetingId, personId })
    const passwordHash = await hashPassword(password)
    const accounts = DEMO_ACCOUNTS.map(({ person, ...account }) => ({
      ...account,
      personId: person ? personId(person) : null,
    }))
    await loadDemoAccounts(trx, accounts, passwordHash)
    await recordAudit(trx, systemContext('demo'), {
      action: 'loaded demo data',
      subjectType: 'system',
      subjectId: 'demo',
    })
  })
  return { loaded: true as const, generatedPassword }
}
