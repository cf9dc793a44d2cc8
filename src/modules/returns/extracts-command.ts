import { parseArgs } from 'node:util'
import { RuleError } from '#src/platform/http/errors.ts'
import { KIND_NAMES } from './ingest.ts'
import type { ExtractKind } from './records.ts'
import type { ReturnsService } from './service.ts'
import { writeSyntheticReturns } from './synth.ts'

export const EXTRACTS_USAGE = [
  'Usage: npm run extracts -- synth --children N --year 2023-24 --out FOLDER [--errors K] [--seed S]',
  '       npm run extracts -- import 903|cin|annex-a PATH --year 2023-24',
  '         (903: a folder of its CSV tables, or a ZIP of them; cin: the census XML; annex-a: the XLSX)',
].join('\n')

interface CommandIo {
  out: (line: string) => void
  err: (line: string) => void
  /** The returns' service on the configured database and store, for `import`; closed with `close`. */
  openReturns?: () => Promise<{ service: ReturnsService; close(): Promise<void> }>
}

const KINDS = Object.keys(KIND_NAMES) as ExtractKind[]

/** `extracts import KIND PATH --year YYYY-YY`: takes an extract in as the upload page does. */
async function importExtract(args: string[], io: CommandIo): Promise<number> {
  let kind: ExtractKind
  let path: string
  let year: string
  try {
    const { values, positionals } = parseArgs({ args, options: { year: { type: 'string' } }, allowPositionals: true })
    const [kindText, pathText, ...rest] = positionals
    const known = KINDS.find((k) => k === kindText)
    if (!known) throw new Error(`Say which return it is: ${KINDS.join(', ')}`)
    if (!pathText || rest.length > 0) throw new Error('Give one path: the file (or, for the 903, the folder or ZIP)')
    if (!values.year) throw new Error('--year must be the collection year, like 2023-24')
    ;[kind, path, year] = [known, pathText, values.year]
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    io.err(EXTRACTS_USAGE)
    return 2
  }
  if (!io.openReturns) throw new Error('extracts import needs the database')
  const started = performance.now()
  const returns = await io.openReturns()
  try {
    const { service } = returns
    const taken = await service.takeExtractFromCommand(
      { user: null, requestId: 'extracts import' },
      { kind, year, path },
    )
    const { extract } = taken
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.out(
      `Took in the ${KIND_NAMES[kind]} for ${year} from ${extract.fileName} in ${seconds}s (SHA-256 ${extract.checksum})`,
    )
    for (const [table, rows] of Object.entries(extract.rowsKept))
      io.out(`  ${table}: ${rows.toLocaleString('en-GB')} rows`)
    if (extract.readProblems > 0)
      io.out(`  ${extract.readProblems.toLocaleString('en-GB')} rows could not be read in full`)
    if (extract.ruleFailures === 0) io.out('  Every record passed the rules checked')
    for (const rule of extract.failuresByRule)
      io.out(`  Rule ${rule.code}: ${rule.count.toLocaleString('en-GB')} failing (${rule.message})`)
    return 0
  } catch (error) {
    if (error instanceof RuleError) {
      io.err(error.message)
      return 1
    }
    throw error
  } finally {
    await returns.close()
  }
}

const whole = (text: string | undefined, name: string, fallback?: number) => {
  if (text === undefined && fallback !== undefined) return fallback
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number`)
  return Number(text)
}

/** `extracts synth` writes synthetic statutory returns; `extracts import` takes one in. Returns the exit code. */
export async function extractsCommand(args: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = args
  if (verb === 'import') return importExtract(rest, io)
  if (verb !== 'synth') {
    io.err(verb ? `Unknown extracts command "${verb}"` : 'Say what to do with extracts')
    io.err(EXTRACTS_USAGE)
    return 2
  }
  let options: Parameters<typeof writeSyntheticReturns>[0]
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        children: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string' },
        errors: { type: 'string' },
        seed: { type: 'string' },
      },
    })
    if (!values.out) throw new Error('--out must name the folder to write to')
    if (!values.year) throw new Error('--year must be a collection year, like 2023-24')
    options = {
      children: whole(values.children, 'children'),
      year: values.year,
      out: values.out,
      errors: whole(values.errors, 'errors', 0),
      seed: whole(values.seed, 'seed', 1),
    }
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    io.err(EXTRACTS_USAGE)
    return 2
  }
  const started = performance.now()
  try {
    const manifest = await writeSyntheticReturns(options)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.out(
      `Wrote synthetic returns for ${options.children.toLocaleString('en-GB')} children to ${options.out} in ${seconds}s`,
    )
    for (const [table, rows] of Object.entries(manifest.rows))
      io.out(`  ${table}: ${rows.toLocaleString('en-GB')} rows`)
    if (manifest.errors.length > 0) io.out(`  ${manifest.errors.length} known errors, listed in the manifest`)
    return 0
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error))
    return 1
  }
}
