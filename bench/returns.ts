/**
 * The budgets of issue 16 for the statutory returns, at 1,000,000 synthetic children (or
 * `--children N`): the ingest of the 903 tables and the CIN census into a fresh store under 60 s;
 * the full indicator set under 10 s with the process's memory under 4 GB, and within 2× of a bare
 * scan of the same tables. The synthetic set is written first (timed, no budget) into a temporary
 * folder, without the Annex A workbook, which no budget covers; the validation is timed and
 * reported, with no budget. Each phase runs in a process of its own (bench/returns-phase.ts), so
 * that each peak memory is its own, and opens the store from its file.
 */
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PhaseRequest, PhaseResult } from './returns-phase.ts'

export const RETURNS_CHILDREN = 1_000_000
export const RETURNS_YEAR = '2023-24'
export const INGEST_BUDGET_MS = 60_000
export const COMPUTE_BUDGET_MS = 10_000
export const COMPUTE_MEMORY_BUDGET_BYTES = 4 * 1024 ** 3
/** The indicator set may take at most this many times the bare scan. */
export const SCAN_RATIO_BUDGET = 2
/** The child population (aged 0 to 17) for the rates: 20 for each child in the census, as a council has. */
const POPULATION_PER_CHILD = 20

export interface ReturnsTimes {
  children: number
  synth: PhaseResult
  ingest: PhaseResult
  validate: PhaseResult
  compute: PhaseResult
  scan: PhaseResult
  /** The machine's load average when the phases ended: others share its cores. */
  load: number
}

const root = new URL('..', import.meta.url).pathname

function phase(request: PhaseRequest): Promise<PhaseResult> {
  const child = fork(join(root, 'bench', 'returns-phase.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ok: boolean; result?: PhaseResult; error?: string }) =>
      message.ok ? resolve(message.result!) : reject(new Error(message.error)),
    )
    child.once('exit', (code) => code !== 0 && reject(new Error(`the ${request.phase} phase exited with ${code}`)))
    child.send(request)
  })
}

const sum = (rows: Record<string, number> = {}) => Object.values(rows).reduce((a, b) => a + b, 0)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '' : `${Math.round(bytes / 1024 ** 2)} MB`)
const number = (n: number) => Math.round(n).toLocaleString('en-GB')

export async function benchReturns(children = RETURNS_CHILDREN): Promise<ReturnsTimes> {
  const folder = mkdtempSync(join(tmpdir(), 'oversight-returns-'))
  const store = join(folder, 'store', 'child-level.duckdb')
  try {
    const synth = await phase({ phase: 'synth', folder, children, year: RETURNS_YEAR })
    console.log(`  synthetic returns written in ${seconds(synth.ms)}: ${number(sum(synth.rows))} rows`)
    const key = randomBytes(32).toString('hex')
    const ingest = await phase({ phase: 'ingest', folder, store, key })
    console.log(`  ingested in ${seconds(ingest.ms)}: ${number(sum(ingest.rows) / (ingest.ms / 1000))} rows/s`)
    const validate = await phase({ phase: 'validate', store, year: RETURNS_YEAR })
    console.log(`  validated in ${seconds(validate.ms)}: ${validate.count} rules, ${validate.problems} failures`)
    const compute = await phase({
      phase: 'compute',
      store,
      year: RETURNS_YEAR,
      population: children * POPULATION_PER_CHILD,
    })
    console.log(`  ${compute.count} indicators computed in ${seconds(compute.ms)}`)
    const scan = await phase({ phase: 'scan', store, year: RETURNS_YEAR })
    console.log(`  bare scan in ${seconds(scan.ms)}`)
    return { children, synth, ingest, validate, compute, scan, load: loadavg()[0] }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Each budget's verdict, and why when it fails. */
export function returnsVerdicts(times: ReturnsTimes) {
  const ratio = times.compute.ms / times.scan.ms
  const under = (ok: boolean, why: string) => (ok ? 'PASS' : `FAIL (${why})`)
  return {
    ratio,
    ingest: under(times.ingest.ms < INGEST_BUDGET_MS, `≥ ${INGEST_BUDGET_MS / 1000} s`),
    compute: under(
      times.compute.ms < COMPUTE_BUDGET_MS && times.compute.maxRssBytes < COMPUTE_MEMORY_BUDGET_BYTES,
      [
        times.compute.ms >= COMPUTE_BUDGET_MS ? `≥ ${COMPUTE_BUDGET_MS / 1000} s` : '',
        times.compute.maxRssBytes >= COMPUTE_MEMORY_BUDGET_BYTES ? 'memory ≥ 4 GB' : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
    scan: under(ratio <= SCAN_RATIO_BUDGET, `> ${SCAN_RATIO_BUDGET}× the bare scan`),
  }
}

export function returnsReport(times: ReturnsTimes, cores: number): string {
  const verdicts = returnsVerdicts(times)
  const { synth, ingest, validate, compute, scan } = times
  const rowsPerSecond = (result: PhaseResult) => number(sum(result.rows) / (result.ms / 1000))
  return [
    '## Statutory returns',
    '',
    `${number(times.children)} synthetic children (${RETURNS_YEAR}; ${number(sum(ingest.rows))} rows in the 903 ` +
      `tables and the CIN census, ${megabytes(synth.bytes)} of files), each phase in a process of its own on a fresh ` +
      `DuckDB file (2 threads, memory limit 2 GB), ${cores} cores (load average ${times.load.toFixed(1)} at the end), ` +
      `Node ${process.version}, ${new Date().toISOString()}. The synthetic set is written without the Annex A workbook. ` +
      `Budgets: ingest under ${INGEST_BUDGET_MS / 1000} s; the full indicator set under ${COMPUTE_BUDGET_MS / 1000} s ` +
      `with memory under 4 GB, and within ${SCAN_RATIO_BUDGET}× a bare scan of the same tables.`,
    '',
    '| Phase | Time | Rows/s | Peak memory (process) | DuckDB memory at the end | Budget |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| Writing the synthetic set (not budgeted) | ${seconds(synth.ms)} | | ${megabytes(synth.maxRssBytes)} | | |`,
    `| Ingest: the 903 folder (${seconds(ingest.partsMs?.['903'] ?? 0)}) and the census ` +
      `(${seconds(ingest.partsMs?.cin ?? 0)}), read, pseudonymised and stored, then checkpointed ` +
      `(${seconds(ingest.partsMs?.checkpoint ?? 0)}; a ${megabytes(ingest.bytes)} file) | ` +
      `${seconds(ingest.ms)} | ${rowsPerSecond(ingest)} | ${megabytes(ingest.maxRssBytes)} | ${megabytes(ingest.duckdbBytes)} | ${verdicts.ingest} |`,
    `| Validation: ${validate.count} rules, ${number(validate.problems ?? 0)} failures (not budgeted) | ` +
      `${seconds(validate.ms)} | | ${megabytes(validate.maxRssBytes)} | ${megabytes(validate.duckdbBytes)} | |`,
    `| The full indicator set: ${compute.count} definitions, ${compute.valued} with a value | ${seconds(compute.ms)} | | ` +
      `${megabytes(compute.maxRssBytes)} | ${megabytes(compute.duckdbBytes)} | ${verdicts.compute} |`,
    `| Bare scan of the ${Object.keys(scan.rows ?? {}).length} tables the definitions read | ${seconds(scan.ms)} | ` +
      `${rowsPerSecond(scan)} | ${megabytes(scan.maxRssBytes)} | ${megabytes(scan.duckdbBytes)} | |`,
    '',
    `The indicator set took ${verdicts.ratio.toFixed(1)}× the bare scan (count, and the least and greatest of every ` +
      `column, of each table the definitions read). ${verdicts.scan}`,
    '',
  ].join('\n')
}
