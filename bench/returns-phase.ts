/**
 * One phase of the returns bench (bench/returns.ts), in a process of its own so that the peak memory
 * it reports is that phase's alone: one request in over IPC, one result out. Each phase opens the
 * store afresh from its file, as the app does when an analyst asks for the figures again.
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { englandAndWalesBankHolidays } from '#src/platform/calendar/bank-holidays.ts'
import {
  type ReturnsStore,
  SYNTH_903_FILES,
  SYNTH_FILES,
  TABLES_903,
  TABLES_CIN,
  computeIndicators,
  listDefinitions,
  openReturnsStore,
  readExtractInBatches,
  validateExtract,
  writeSyntheticReturns,
} from '#src/modules/returns/index.ts'

export const EXTRACT_903 = 'bench-903'
export const EXTRACT_CIN = 'bench-cin'

export type PhaseRequest =
  | { phase: 'synth'; folder: string; children: number; year: string }
  | { phase: 'ingest'; folder: string; store: string; key: string }
  | { phase: 'validate' | 'scan'; store: string; year: string }
  | { phase: 'compute'; store: string; year: string; population: number }

export interface PhaseResult {
  ms: number
  /** The process's peak resident memory, in bytes. */
  maxRssBytes: number
  /** What DuckDB said it held when the phase's work was done, in bytes (the phases that use the store). */
  duckdbBytes?: number
  /** synth: rows written by table; ingest: rows kept by table; scan: rows scanned by table. */
  rows?: Record<string, number>
  /** synth: the bytes of the files the ingest reads; ingest: the store's file once written. */
  bytes?: number
  /** ingest: problems the readers found; validate: failures of the DfE's rules. */
  problems?: number
  /** ingest: the time of each part, in milliseconds. */
  partsMs?: Record<string, number>
  /** validate: the rules checked; compute: the indicators computed. */
  count?: number
  /** compute: the indicators that came to a value (a check that the figures were really worked out). */
  valued?: number
}

async function duckdbBytes(store: ReturnsStore): Promise<number> {
  const [row] = await store.query('select sum(memory_usage_bytes)::bigint as bytes from duckdb_memory()')
  return Number(row.bytes)
}

async function withStore<T>(path: string, work: (store: ReturnsStore) => Promise<T>): Promise<T> {
  const store = await openReturnsStore(path)
  try {
    return await work(store)
  } finally {
    store.close()
  }
}

/**
 * Loads what a serving process has loaded by the time an analyst asks for the figures (DuckDB's
 * bindings, the bank holiday rules), so that a phase times the work and not Node loading packages.
 */
async function warmUp() {
  await import('@duckdb/node-api')
  englandAndWalesBankHolidays().isHoliday('2024-01-01')
}

async function run(request: PhaseRequest): Promise<Omit<PhaseResult, 'maxRssBytes'>> {
  await warmUp()
  const started = performance.now()
  const elapsed = () => performance.now() - started
  switch (request.phase) {
    case 'synth': {
      // The Annex A workbook is left out: the budgets are the 903's and the census's (see returns.ts).
      const manifest = await writeSyntheticReturns({
        children: request.children,
        year: request.year,
        out: request.folder,
        annexA: false,
      })
      const ms = elapsed()
      let bytes = 0
      for (const file of [...SYNTH_903_FILES.map(([, file]) => file), SYNTH_FILES.cin])
        bytes += (await stat(join(request.folder, file))).size
      return { ms, rows: manifest.rows, bytes }
    }
    case 'ingest': {
      // As an analyst's import does (the service's take): the 903 folder, then the census, each read
      // in a thread of its own while this one stores the rows.
      const rows: Record<string, number> = {}
      let problems = 0
      const partsMs: Record<string, number> = {}
      let mark = performance.now()
      const part = (name: string) => {
        partsMs[name] = performance.now() - mark
        mark = performance.now()
      }
      const held = await withStore(request.store, async (store) => {
        part('open')
        for (const [kind, id, path] of [
          ['903', EXTRACT_903, request.folder],
          ['cin', EXTRACT_CIN, join(request.folder, SYNTH_FILES.cin)],
        ] as const) {
          const loader = await store.loader(id, kind === '903' ? Object.values(TABLES_903) : Object.values(TABLES_CIN))
          const { result } = await readExtractInBatches(kind, path, {
            key: request.key,
            append: loader.append,
            workDir: join(request.folder, 'work'),
          })
          problems += result.problems.length + result.moreProblems
          Object.assign(rows, result.kept)
          await loader.finish()
          part(kind)
        }
        // Written through to the file: the ingest is done when the rows would survive a restart.
        await store.run('checkpoint')
        part('checkpoint')
        return duckdbBytes(store)
      })
      return { ms: elapsed(), rows, problems, duckdbBytes: held, bytes: (await stat(request.store)).size, partsMs }
    }
    case 'validate':
      return withStore(request.store, async (store) => {
        let failures = 0
        let rules = 0
        for (const [kind, id] of [
          ['903', EXTRACT_903],
          ['cin', EXTRACT_CIN],
        ] as const) {
          const report = await validateExtract(store, { id, kind, year: request.year })
          failures += report.failures.length + report.moreFailures
          rules += report.rulesChecked
        }
        return { ms: elapsed(), problems: failures, count: rules, duckdbBytes: await duckdbBytes(store) }
      })
    case 'compute':
      return withStore(request.store, async (store) => {
        const computed = await computeIndicators(store, {
          year: request.year,
          extracts: { '903': EXTRACT_903, cin: EXTRACT_CIN },
          population: request.population,
        })
        const ms = elapsed()
        const valued = computed.filter((indicator) => indicator.value !== null).length
        return { ms, count: computed.length, valued, duckdbBytes: await duckdbBytes(store) }
      })
    case 'scan':
      return withStore(request.store, async (store) => {
        // The bare scan: for every table the year's definitions read, one query that reads every
        // column of the extract's rows (count, and the least and greatest of each column), with no
        // joins, windows or grouping. It is what any query over those tables must at least do.
        const tables = [...new Set(listDefinitions(request.year).flatMap((definition) => definition.tables))].sort()
        const rows: Record<string, number> = {}
        for (const name of tables) {
          const spec = [...Object.values(TABLES_903), ...Object.values(TABLES_CIN)].find((t) => t.name === name)
          if (!spec) throw new Error(`The bench cannot scan ${name}: it is not a 903 or census table`)
          const columns = ['"row"', ...spec.fields.map((field) => field.name)]
          const [row] = await store.query(
            `select count(*) as n, ${columns.map((c, i) => `min(${c}) as min${i}, max(${c}) as max${i}`).join(', ')}
             from ${name} where extract_id = $1`,
            [name.startsWith('cin_') ? EXTRACT_CIN : EXTRACT_903],
          )
          rows[name] = Number(row.n)
        }
        return { ms: elapsed(), rows, duckdbBytes: await duckdbBytes(store) }
      })
  }
}

// As a child process: one request in, one result out.
if (process.send) {
  process.once('message', (message: PhaseRequest) => {
    run(message).then(
      (result) =>
        process.send!({ ok: true, result: { ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 } }, () =>
          process.exit(0),
        ),
      (error: unknown) =>
        process.send!(
          { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) },
          () => process.exit(1),
        ),
    )
  })
}
