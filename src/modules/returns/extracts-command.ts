import { parseArgs } from 'node:util'
import { writeSyntheticReturns } from './synth.ts'

export const EXTRACTS_USAGE =
  'Usage: npm run extracts -- synth --children N --year 2023-24 --out FOLDER [--errors K] [--seed S]'

interface CommandIo {
  out: (line: string) => void
  err: (line: string) => void
}

const whole = (text: string | undefined, name: string, fallback?: number) => {
  if (text === undefined && fallback !== undefined) return fallback
  if (text === undefined || !/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number`)
  return Number(text)
}

/** `extracts synth`: writes synthetic statutory returns for testing. Returns the exit code. */
export async function extractsCommand(args: string[], io: CommandIo): Promise<number> {
  const [verb, ...rest] = args
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
