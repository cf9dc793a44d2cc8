import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Config, loadConfig } from '#src/config.ts'
import type { Database } from '#src/database.ts'
import { openPglite } from '#src/platform/db/database.ts'
import { LOCK_FILE } from '#src/platform/db/data-folder-lock.ts'
import { migrateToLatest } from '#src/platform/db/migrate.ts'
import { backupCommand, restoreCommand } from './commands.ts'

/** The commands as an operator runs them, on embedded databases in folders of their own. */
describe('npm run backup and npm run restore', () => {
  let folder: string
  const configFor = (dataDir: string): Config => loadConfig({ DATA_DIR: dataDir, OVERSIGHT_DEMO: '0' })
  const output = () => {
    const lines = { log: [] as string[], error: [] as string[] }
    return { lines, out: { log: (m: string) => lines.log.push(m), error: (m: string) => lines.error.push(m) } }
  }

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'oversight-commands-'))
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('answer a missing or extra argument with their usage, and exit code 2', async () => {
    const backup = output()
    expect(await backupCommand([], configFor(folder), '0.1.0', backup.out)).toBe(2)
    expect(backup.lines.error[0]).toMatch(/^Usage: npm run backup -- FILE\n/)
    const restore = output()
    expect(await restoreCommand(['one.tar', 'two.tar'], configFor(folder), restore.out)).toBe(2)
    expect(restore.lines.error[0]).toMatch(/^Usage: npm run restore -- FILE\n/)
  })

  it('refuse, with exit code 1, to back up while the app serves the data folder, writing nothing', async () => {
    const dataDir = join(folder, 'serving')
    mkdirSync(join(dataDir, 'pglite'), { recursive: true })
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, command: 'serve', since: new Date().toISOString() }),
    )
    const { lines, out } = output()
    expect(await backupCommand([join(folder, 'torn.tar')], configFor(dataDir), '0.1.0', out)).toBe(1)
    expect(lines.error).toEqual([
      `The app is running on this data folder (process ${process.pid}): stop it, then run the backup again.`,
    ])
    expect(existsSync(join(folder, 'torn.tar'))).toBe(false)
    expect(existsSync(join(folder, 'torn.tar.partial'))).toBe(false)
  })

  it('refuse to back up a data folder with no database, or over an existing file', async () => {
    const empty = output()
    expect(
      await backupCommand([join(folder, 'none.tar')], configFor(join(folder, 'nothing-here')), '0.1.0', empty.out),
    ).toBe(1)
    expect(empty.lines.error[0]).toMatch(/^There is no embedded database in .*nothing-here to back up/)
    expect(existsSync(join(folder, 'nothing-here'))).toBe(false)
    writeFileSync(join(folder, 'taken.tar'), 'an older backup')
    const existing = output()
    expect(await backupCommand([join(folder, 'taken.tar')], configFor(folder), '0.1.0', existing.out)).toBe(1)
    expect(existing.lines.error[0]).toContain('taken.tar already exists: give the backup a new file name')
    expect(readFileSync(join(folder, 'taken.tar'), 'utf8')).toBe('an older backup')
  })

  it('refuse to restore a file that is not a backup, without creating the data folder', async () => {
    writeFileSync(join(folder, 'notes.txt'), 'not a backup at all')
    const { lines, out } = output()
    expect(await restoreCommand([join(folder, 'notes.txt')], configFor(join(folder, 'never-made')), out)).toBe(1)
    expect(lines.error[0]).toMatch(/notes\.txt is damaged or incomplete: it is too short to be a whole backup/)
    expect(existsSync(join(folder, 'never-made'))).toBe(false)
  })

  it('back up a stopped data folder and restore it into a new one', async () => {
    const source = join(folder, 'source')
    const handle = await openPglite<Database>(source)
    await migrateToLatest(handle.db)
    await handle.db.insertInto('people').values({ slug: 'jo-bloggs', name: 'Jo Bloggs', kind: 'officer' }).execute()
    await handle.close()

    const file = join(folder, 'oversight.tar')
    const backup = output()
    expect(await backupCommand([file], configFor(source), '0.1.0', backup.out)).toBe(0)
    expect(backup.lines.log[0]).toMatch(
      /^Backed up the embedded database in .*source to .*oversight\.tar \(\d+KB\): \d+ tables, 1 row, 0 uploaded files\.$/,
    )
    expect(backup.lines.log[2]).toBe(
      'Recorded on the Backups page (Admin > Backups). Keep copies away from this server: see docs/operations.md.',
    )
    expect(existsSync(join(source, LOCK_FILE))).toBe(false)

    const target = join(folder, 'target')
    const restore = output()
    expect(await restoreCommand([file], configFor(target), restore.out)).toBe(0)
    expect(restore.lines.log[0]).toMatch(
      /^Checked .*oversight\.tar: a backup of the embedded database on .*, holding \d+ tables, 1 row, 0 uploaded files\. Every part matches its checksum\.$/,
    )
    expect(restore.lines.log[1]).toBe(
      `Restored into the embedded database in ${target}; every table's row count matched the backup.`,
    )

    const restored = await openPglite<Database>(target)
    try {
      expect(await restored.db.selectFrom('people').select('name').execute()).toEqual([{ name: 'Jo Bloggs' }])
      expect(await restored.db.selectFrom('backups').select('fileName').execute()).toEqual([
        { fileName: 'oversight.tar' },
      ])
    } finally {
      await restored.close()
    }
  }, 180_000)

  it('are wired into the command line, with usage and exit codes', () => {
    const run = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/main.ts', 'backup'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: folder },
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Usage: npm run backup -- FILE')
  }, 60_000)
})
