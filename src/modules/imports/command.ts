import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import type { Db } from '#src/database.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { applyPlan } from './apply.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { type ImportPlan, planCounts } from './moderngov/plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'
import { isoDate } from './moderngov/vocabulary.ts'

export const IMPORT_USAGE =
  'Usage: oversight import moderngov FOLDER [--body NAME …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] (--dry-run | --apply)'

export interface ImportCommandIo {
  today: string
  out: (line: string) => void
  err: (line: string) => void
  /** Opened only to apply: a dry run needs no database. */
  openDatabase: () => Promise<{ db: Db; close: () => Promise<void> }>
}

interface ImportArgs {
  folder: string
  bodies: string[]
  from: string | null
  to: string | null
  mode: 'dry-run' | 'apply' | null
}

/** The arguments, or the reason they cannot be used. */
export function parseImportArgs(args: string[]): ImportArgs | string {
  const [source, folder, ...rest] = args
  if (source !== 'moderngov') return 'Say which system to import from: moderngov is the only one so far.'
  if (!folder || folder.startsWith('--')) return 'Say which folder of saved Modern.gov responses to import.'
  const parsed: ImportArgs = { folder, bodies: [], from: null, to: null, mode: null }
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
    } else return `Unknown option ${flag}.`
  }
  if (parsed.from && parsed.to && parsed.from > parsed.to) return '--from must be on or before --to.'
  return parsed
}

function printPlan(plan: ImportPlan, files: number, io: ImportCommandIo) {
  io.out(`Read ${files - new Set(plan.errors.map((error) => error.file)).size} of ${files} files.`)
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
    io.out(`Errors (${plan.errors.length}): nothing of these files is used`)
    for (const error of plan.errors)
      io.out(`  ${error.message.startsWith(error.file) ? error.message : `${error.file}: ${error.message}`}`)
  }
}

/**
 * `import moderngov FOLDER … --dry-run`: prints what the folder's responses would create, what cannot be
 * mapped and why, and each file's errors. Exit code 0 when every file was read, 1 when some were refused,
 * 2 when the command itself cannot be run as given.
 */
export async function importCommand(args: string[], io: ImportCommandIo): Promise<number> {
  const parsed = parseImportArgs(args)
  if (typeof parsed === 'string') {
    io.err(parsed)
    io.err(IMPORT_USAGE)
    return 2
  }
  if (!parsed.mode) {
    io.err('Say --dry-run to see what the import would create, or --apply to write it.')
    io.err(IMPORT_USAGE)
    return 2
  }
  const folder = await stat(parsed.folder).catch(() => null)
  if (!folder?.isDirectory()) {
    io.err(`${parsed.folder} is not a folder.`)
    return 2
  }
  const input = await readResponseFolder(parsed.folder)
  if (input.files === 0) {
    io.err(`${parsed.folder} holds no .xml files.`)
    return 2
  }
  const plan = buildPlan(input, { bodies: parsed.bodies, from: parsed.from, to: parsed.to, today: io.today })
  io.out(`Import from Modern.gov: ${parsed.folder}${parsed.mode === 'dry-run' ? ' (dry run: nothing is written)' : ''}`)
  printPlan(plan, input.files, io)
  if (parsed.mode === 'dry-run') return plan.errors.length ? 1 : 0
  return apply(plan, io)
}

async function apply(plan: ImportPlan, io: ImportCommandIo): Promise<number> {
  const handle = await io.openDatabase()
  try {
    // The audit events of one run share its id, which names the run.
    const run = `import moderngov ${randomUUID()}`
    const result = await applyPlan(handle.db, systemContext(run), plan).catch((error: unknown) => ({
      applied: false as const,
      reasons: [`the database refused a record, so the whole run was undone: ${(error as Error).message}`],
    }))
    io.out('')
    if (!result.applied) {
      io.out('Nothing was written:')
      for (const reason of result.reasons) io.out(`  ${reason}`)
      return 1
    }
    io.out(`Written (${run}):`)
    for (const type of ['body', 'person', 'membership', 'meeting', 'agenda item', 'attendance'] as const)
      io.out(
        `  ${type}: ${result.created[type]} created, ${result.unchanged[type]} imported before and left as they are`,
      )
    io.out('Document references are not written yet.')
    return 0
  } finally {
    await handle.close()
  }
}
