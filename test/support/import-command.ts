import { type ImportCommandIo, importCommand } from '#src/modules/imports/index.ts'

/** Runs `import …` as a dry run would be run: a database opened is a failure. Its output, joined by line. */
export async function runImportCommand(args: string[], io: Partial<ImportCommandIo> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await importCommand(args, {
    today: '2024-06-01',
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    openDatabase: () => Promise.reject(new Error('a dry run opened the database')),
    ...io,
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}
