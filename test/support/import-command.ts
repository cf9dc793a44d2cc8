import { cp, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '#src/database.ts'
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

/** A fresh folder holding the Modern.gov fixtures as a council's saved responses would be, the malformed file aside. */
export async function fixtureFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix))
  await cp('test/fixtures/moderngov', folder, {
    recursive: true,
    filter: (source) => !source.endsWith('malformed.xml'),
  })
  return folder
}

/** The fixtures imported with `--apply` into `db`, as on the command line; the folder they were read from. */
export async function importFixtures(db: Db, prefix: string): Promise<string> {
  const folder = await fixtureFolder(prefix)
  const { code, out } = await runImportCommand(['moderngov', folder, '--apply'], {
    openDatabase: () => Promise.resolve({ db, close: () => Promise.resolve() }),
  })
  if (code !== 0) throw new Error(`The fixtures did not import:\n${out}`)
  return folder
}
