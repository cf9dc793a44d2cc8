import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { Db } from '#src/database.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { DEFAULT_POLITE_FETCH, type PoliteFetchOptions } from '#src/platform/http/polite-fetch.ts'
import { createProgressLine } from '#src/platform/progress/progress-line.ts'
import { type ApplyResult, applyPlan } from './apply.ts'
import { previewOf, refusedByDatabase, yearAfter } from './batch-run.ts'
import { batchPath, batchRun, writeBatch } from './batch-service.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { fetchDocuments } from './moderngov/fetch-documents.ts'
import { type ImportPlan, planCounts } from './moderngov/plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'
import { readWebService, webServiceAddress } from './moderngov/read-web-service.ts'
import { isoDate } from './moderngov/vocabulary.ts'

export const IMPORT_USAGE =
  'Usage: oversight import moderngov (FOLDER | https://SITE/mgWebService.asmx) [--body NAME …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--delay-ms N] [--dry-run | --apply]'

export interface ImportCommandIo {
  today: string
  out: (line: string) => void
  err: (line: string) => void
  /** Opened to keep the batch or to apply: a dry run needs no database. */
  openDatabase: () => Promise<{ db: Db; close: () => Promise<void> }>
  /** How the web service is asked, when the source is its address (tests shorten the pauses). */
  webService?: Partial<PoliteFetchOptions>
  /** The site's configured public address, to print the batch's review page in full; the path alone without it. */
  baseUrl?: string
  /** Where the progress line goes while asking, fetching documents and applying (over itself on a terminal). */
  progress?: { write: (text: string) => void; isTTY: boolean }
}

interface ImportArgs {
  /** A folder of saved responses, or the web service's address. */
  source: string
  bodies: string[]
  from: string | null
  to: string | null
  mode: 'dry-run' | 'apply' | null
  delayMs: number | null
}

/** The arguments, or the reason they cannot be used. */
export function parseImportArgs(args: string[]): ImportArgs | string {
  const [system, source, ...rest] = args
  if (system !== 'moderngov') return 'Say which system to import from: moderngov is the only one so far.'
  if (!source || source.startsWith('--'))
    return 'Say which folder of saved Modern.gov responses, or which web service address, to import.'
  const parsed: ImportArgs = { source, bodies: [], from: null, to: null, mode: null, delayMs: null }
  for (let index = 0; index < rest.length; index += 1) {
    const flag = rest[index]
    if (flag === '--dry-run' || flag === '--apply') {
      if (parsed.mode && parsed.mode !== flag.slice(2)) return 'Say either --dry-run or --apply, not both.'
      parsed.mode = flag === '--dry-run' ? 'dry-run' : 'apply'
    } else if (flag === '--body') {
      // One or more names after it, up to the next option.
      const start = index
      while (rest[index + 1] !== undefined && !rest[index + 1]?.startsWith('--'))
        parsed.bodies.push(rest[++index] ?? '')
      if (index === start) return '--body needs the name of a committee.'
    } else if (flag === '--from' || flag === '--to') {
      const value = rest[++index] ?? ''
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDate(value) !== value) return `${flag} needs a date as YYYY-MM-DD.`
      parsed[flag === '--from' ? 'from' : 'to'] = value
    } else if (flag === '--delay-ms') {
      const value = rest[++index] ?? ''
      if (!/^\d{1,6}$/.test(value)) return '--delay-ms needs a whole number of milliseconds.'
      parsed.delayMs = Number(value)
    } else return `Unknown option ${flag}.`
  }
  if (parsed.from && parsed.to && parsed.from > parsed.to) return '--from must be on or before --to.'
  return parsed
}

function printPlan(plan: ImportPlan, files: number, noun: string, io: ImportCommandIo) {
  io.out(`Read ${files - new Set(plan.errors.map((error) => error.file)).size} of ${files} ${noun}.`)
  io.out('')
  io.out('Would create:')
  const counts = planCounts(plan)
  const width = Math.max(...counts.map(([label]) => label.length))
  for (const [label, count] of counts) io.out(`  ${label.padEnd(width)}  ${count}`)
  if (plan.notMapped.length) {
    io.out('')
    io.out(`Cannot be mapped (${plan.notMapped.length}):`)
    for (const item of plan.notMapped)
      io.out(`  ${item.file}, ${item.record}${item.id ? ` ${item.id}` : ''}: ${item.reason}`)
  }
  if (plan.errors.length) {
    io.out('')
    io.out(`Errors (${plan.errors.length}): nothing of these ${noun} is used`)
    for (const error of plan.errors)
      io.out(`  ${error.message.startsWith(error.file) ? error.message : `${error.file}: ${error.message}`}`)
  }
}

/**
 * `import moderngov FOLDER|ADDRESS …`: prints what the responses would create, what cannot be mapped and
 * why, and each file's errors; then keeps it all as a batch for an admin to review at /admin/imports/{id}
 * (`--dry-run`: only prints; `--apply`: writes it straight away, and keeps the batch as applied). Exit code
 * 0 when every file was read (and, with --apply, written), 1 when some were refused or nothing could be
 * written, 2 when the command itself cannot be run as given.
 */
export async function importCommand(args: string[], io: ImportCommandIo): Promise<number> {
  const parsed = parseImportArgs(args)
  if (typeof parsed === 'string') {
    io.err(parsed)
    io.err(IMPORT_USAGE)
    return 2
  }
  const read = /^https?:\/\//i.test(parsed.source) ? await readAddress(parsed, io) : await readFolder(parsed, io)
  if (typeof read === 'number') return read
  const { input, noun } = read
  const progress = io.progress && createProgressLine({ label: 'Fetching documents', ...io.progress })
  const plan = await fetchDocuments(
    buildPlan(input, { bodies: parsed.bodies, from: parsed.from, to: parsed.to, today: io.today }),
    input.origin === 'web service'
      ? { kind: 'web', site: new URL(parsed.source).origin, options: politeOptions(parsed, io) }
      : { kind: 'folder', folder: parsed.source },
    progress ? (done, total) => progress.update(done, total) : undefined,
  )
  progress?.finish()
  io.out(`Import from Modern.gov: ${parsed.source}${parsed.mode === 'dry-run' ? ' (dry run: nothing is written)' : ''}`)
  printPlan(plan, input.files, noun, io)
  if (parsed.mode === 'dry-run') return plan.errors.length ? 1 : 0
  const handle = await io.openDatabase()
  try {
    const batch = { id: randomUUID(), source: parsed.source, options: optionsOf(parsed), plan }
    return parsed.mode === 'apply' ? await apply(handle.db, batch, io) : await keepForReview(handle.db, batch, io)
  } finally {
    await handle.close()
  }
}

/** What a batch keeps of the arguments. */
const optionsOf = (parsed: ImportArgs) => ({ bodies: parsed.bodies, from: parsed.from, to: parsed.to })

interface CommandBatch {
  id: string
  source: string
  options: ReturnType<typeof optionsOf>
  plan: ImportPlan
}

/** Works out what applying would do, and keeps the plan with it as a batch to review. */
async function keepForReview(db: Db, batch: CommandBatch, io: ImportCommandIo): Promise<number> {
  const ctx = systemContext(batchRun(batch.id))
  const preview = await previewOf(db, ctx, batch.plan)
  const kept = await writeBatch(db, ctx, { ...batch, preview, status: 'ready' })
  io.out('')
  if (!kept.ok) {
    io.err(kept.message)
    return 1
  }
  if (!preview.applied) {
    io.out('It cannot be applied as it is:')
    for (const reason of preview.reasons) io.out(`  ${reason}`)
  }
  io.out(`Review it at ${io.baseUrl ?? ''}${batchPath(batch.id)}`)
  return batch.plan.errors.length || !preview.applied ? 1 : 0
}

async function readFolder(parsed: ImportArgs, io: ImportCommandIo) {
  const folder = await stat(parsed.source).catch(() => null)
  if (!folder?.isDirectory()) {
    io.err(`${parsed.source} is not a folder.`)
    return 2
  }
  const input = await readResponseFolder(parsed.source)
  if (input.files === 0) {
    io.err(`${parsed.source} holds no .xml files.`)
    return 2
  }
  return { input, noun: 'files' }
}

/** How the web service, and the documents it links to, are asked for. */
function politeOptions(parsed: ImportArgs, io: ImportCommandIo): PoliteFetchOptions {
  return { ...DEFAULT_POLITE_FETCH, ...io.webService, ...(parsed.delayMs === null ? {} : { delayMs: parsed.delayMs }) }
}

async function readAddress(parsed: ImportArgs, io: ImportCommandIo) {
  const url = URL.canParse(parsed.source) ? new URL(parsed.source) : null
  if (!url) {
    io.err(`${parsed.source} is not a web address.`)
    return 2
  }
  if (url.username || url.password) {
    io.err('Give the address without a user name or password: the web service needs none.')
    return 2
  }
  if (!parsed.from) {
    io.err('Say --from YYYY-MM-DD: the web service is asked for the meetings between two dates.')
    return 2
  }
  const options = politeOptions(parsed, io)
  const progress = io.progress && createProgressLine({ label: 'Asking the web service', ...io.progress })
  const input = await readWebService(
    {
      address: webServiceAddress(parsed.source),
      bodies: parsed.bodies,
      from: parsed.from,
      to: parsed.to ?? yearAfter(io.today),
    },
    options,
    progress ? (done, total) => progress.update(done, total) : undefined,
  )
  progress?.finish()
  return { input, noun: 'responses' }
}

/** Writes the plan straight away, and keeps it as a batch applied (or failed) in the history of imports. */
async function apply(db: Db, batch: CommandBatch, io: ImportCommandIo): Promise<number> {
  // The audit events of one run share its id, which names the batch.
  const run = batchRun(batch.id)
  const ctx = systemContext(run)
  const progress = io.progress && createProgressLine({ label: 'Applying', ...io.progress })
  const onProgress = progress ? (done: number, total: number) => progress.update(done, total) : undefined
  const result = await applyPlan(db, ctx, batch.plan, { onProgress }).catch(refusedByDatabase)
  progress?.finish()
  io.out('')
  if (!result.applied) {
    io.out('Nothing was written:')
    for (const reason of result.reasons) io.out(`  ${reason}`)
    const failure = `Nothing was written: ${result.reasons.join('; ')}`.slice(0, 4000)
    const kept = await writeBatch(db, ctx, { ...batch, preview: result, status: 'failed', failure })
    if (kept.ok) io.out(`See it at ${io.baseUrl ?? ''}${batchPath(batch.id)}`)
    return 1
  }
  io.out(`Written (${run}):`)
  for (const type of ['body', 'person', 'membership', 'meeting', 'agenda item', 'attendance', 'document'] as const)
    io.out(
      `  ${type}: ${result.created[type]} created, ${result.updated[type]} updated, ${result.unchanged[type]} unchanged`,
    )
  printConflictsAndSkips(result, io)
  const kept = await writeBatch(db, ctx, { ...batch, preview: null, status: 'applied', result })
  if (!kept.ok) io.err(`Written, but not kept in the history of imports. ${kept.message}`)
  else io.out(`See it at ${io.baseUrl ?? ''}${batchPath(batch.id)}`)
  return 0
}

/** Each conflict and skip on a line naming the file and the record, for the admin to look at. */
function printConflictsAndSkips(result: Extract<ApplyResult, { applied: true }>, io: ImportCommandIo) {
  if (result.conflicts.length) {
    io.out(`Edited here since the last import, so left as they are (${result.conflicts.length}):`)
    for (const conflict of result.conflicts)
      io.out(
        `  ${conflict.file}, ${conflict.type} ${conflict.sourceId} (here ${conflict.recordId}): ${conflict.fields.join(', ')} differ`,
      )
  }
  if (result.skipped.length) {
    io.out(`Not written (${result.skipped.length}):`)
    for (const skip of result.skipped) io.out(`  ${skip.file}, ${skip.type} ${skip.sourceId}: ${skip.reason}`)
  }
}
