/**
 * The import budget from issue 11: importing 1,000 meetings with 10 items each from a folder of saved
 * Modern.gov responses takes under 60 s on 2 cores, documents aside. The folder is written afresh in a
 * temporary folder; the dry run and the apply run as `npm run import` runs them, on a fresh embedded
 * database (or DATABASE_URL's, when set).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Database } from '#src/database.ts'
import { importCommand } from '#src/modules/imports/index.ts'
import { openPglite, openPostgres } from '#src/platform/db/database.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'

export const IMPORT_MEETINGS = 1000
export const IMPORT_ITEMS = 10
export const IMPORT_BUDGET_MS = 60_000

export interface ImportTimes {
  dbKind: string
  dryRunMs: number
  applyMs: number
  /** The same import again: it reads and plans everything, and writes nothing. */
  againMs: number
  /** The machine's load average when the runs ended: others share its cores. */
  load: number
}

const committee = `<?xml version="1.0" encoding="utf-8"?>
<committees>
  <committeescount>1</committeescount>
  <committee>
    <committeeid>101</committeeid>
    <committeetitle>Children and Young People Scrutiny Committee</committeetitle>
    <committeedeleted>False</committeedeleted>
    <committeeexpired>False</committeeexpired>
    <committeecategory>Scrutiny</committeecategory>
  </committee>
</committees>
`

/** A meeting every third day from 2014, as GetMeeting answers: dates dd/mm/yyyy, flags True/False. */
function meetingXml(n: number): string {
  const day = new Date(Date.UTC(2014, 0, 6 + n * 3))
  const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`
  const items = Array.from({ length: IMPORT_ITEMS }, (_, i) => {
    const id = n * 100 + i + 1
    return `    <agendaitem>
      <agendaitemid>${id}</agendaitemid>
      <agendaitemnumber>${i + 1}</agendaitemnumber>
      <fulldisplaynumberformat>${i + 1}.</fulldisplaynumberformat>
      <agendaitemtitle>Item ${i + 1} of meeting ${n}</agendaitemtitle>
      <isrestricted>False</isrestricted>
      <isdisplayallowed>True</isdisplayallowed>
      <agendatext>To consider the report on item ${i + 1} of meeting ${n}, with its recommendations.</agendatext>
      <isminutepublished>False</isminutepublished>
    </agendaitem>`
  }).join('\n')
  return `<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>${10000 + n}</meetingid>
  <committeeid>101</committeeid>
  <committeetitle>Children and Young People Scrutiny Committee</committeetitle>
  <meetingdate>${date}</meetingdate>
  <meetingtime>18:00</meetingtime>
  <meetingstatus>Agenda published</meetingstatus>
  <meetinglocation>Committee Room A, Town Hall</meetinglocation>
  <agendapublished>True</agendapublished>
  <minutepublished>False</minutepublished>
  <decisionpublished>False</decisionpublished>
  <agendaitems>
${items}
  </agendaitems>
</meeting>
`
}

async function timed(what: string, run: () => Promise<number>): Promise<number> {
  process.stdout.write(`  ${what}… `)
  const started = performance.now()
  const code = await run()
  const ms = performance.now() - started
  if (code !== 0) throw new Error(`${what} exited with ${code}`)
  console.log(`${(ms / 1000).toFixed(1)} s`)
  return ms
}

export async function benchImport(): Promise<ImportTimes> {
  const folder = mkdtempSync(join(tmpdir(), 'oversight-bench-import-'))
  const handle = process.env.DATABASE_URL
    ? openPostgres<Database>(process.env.DATABASE_URL)
    : await openPglite<Database>()
  try {
    writeFileSync(join(folder, 'committees.xml'), committee)
    for (let n = 1; n <= IMPORT_MEETINGS; n++) writeFileSync(join(folder, `meeting-${10000 + n}.xml`), meetingXml(n))
    await migrateToLatest(handle.db)
    const io = {
      today: '2026-01-01',
      out: () => undefined,
      err: (line: string) => console.error(line),
      // The bench's database stays open for the next run.
      openDatabase: () => Promise.resolve({ db: handle.db, close: () => Promise.resolve() }),
    }
    const run = (mode: string) => importCommand(['moderngov', folder, mode], io)
    const dryRunMs = await timed('dry run', () => run('--dry-run'))
    const applyMs = await timed('apply', () => run('--apply'))
    const againMs = await timed('apply again (nothing to write)', () => run('--apply'))
    // A fast import that wrote less would be no measure of the budget.
    const written = async (table: 'meetings' | 'agendaItems') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const [meetings, items] = [await written('meetings'), await written('agendaItems')]
    if (meetings !== IMPORT_MEETINGS || items !== IMPORT_MEETINGS * IMPORT_ITEMS)
      throw new Error(`the import wrote ${meetings} meetings and ${items} items`)
    return { dbKind: handle.kind, dryRunMs, applyMs, againMs, load: loadavg()[0] }
  } finally {
    await handle.close()
    rmSync(folder, { recursive: true, force: true })
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** The import's section of bench/results.md. */
export function importReport(times: ImportTimes, cores: number): string {
  const verdict = times.applyMs + times.dryRunMs < IMPORT_BUDGET_MS ? 'PASS' : 'FAIL'
  return [
    '## Import from Modern.gov',
    '',
    `${IMPORT_MEETINGS.toLocaleString('en-GB')} meetings with ${IMPORT_ITEMS} items each, from a folder of saved responses ` +
      `(written afresh in a temporary folder), on a fresh ${times.dbKind} database, ${cores} cores ` +
      `(load average ${times.load.toFixed(1)} at the end), Node ${process.version}, ${new Date().toISOString()}. ` +
      `Budget: the dry run and the apply together under ${IMPORT_BUDGET_MS / 1000} s, documents aside.`,
    '',
    '| Run | Time |',
    '| --- | ---: |',
    `| \`--dry-run\` (read, check and plan) | ${seconds(times.dryRunMs)} |`,
    `| \`--apply\` (read, plan and write in one transaction) | ${seconds(times.applyMs)} |`,
    `| \`--apply\` again (nothing to write) | ${seconds(times.againMs)} |`,
    '',
    `Dry run and apply: ${seconds(times.dryRunMs + times.applyMs)}. ${verdict}`,
    '',
  ].join('\n')
}
