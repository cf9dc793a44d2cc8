import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataFolderInUseError, LOCK_FILE, lockDataFolder } from './data-folder-lock.ts'

describe('lockDataFolder', () => {
  let folder: string
  const lockFile = () => join(folder, LOCK_FILE)
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'oversight-lock-'))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it('holds the folder for this process until released', () => {
    const release = lockDataFolder(folder, 'serve')
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, command: 'serve' })
    release()
    expect(existsSync(lockFile())).toBe(false)
    lockDataFolder(folder, 'migrate')()
  })

  it('refuses a backup while the app serves, saying which process to stop', () => {
    const release = lockDataFolder(folder, 'serve')
    try {
      expect(() => lockDataFolder(folder, 'backup')).toThrow(
        `The app is running on this data folder (process ${process.pid}): stop it, then run the backup again.`,
      )
      expect(() => lockDataFolder(folder, 'serve')).toThrow(DataFolderInUseError)
    } finally {
      release()
    }
  })

  it('names another command that holds the folder', () => {
    const release = lockDataFolder(folder, 'restore')
    try {
      expect(() => lockDataFolder(folder, 'serve')).toThrow(
        `Another Oversight command (restore) is using this data folder (process ${process.pid}): stop it, then start the app again.`,
      )
    } finally {
      release()
    }
  })

  it('takes over a lock left by a process that has gone, or one that cannot be read', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(lockFile(), JSON.stringify({ pid: gone, command: 'serve', since: '2024-01-22T09:00:00Z' }))
    lockDataFolder(folder, 'backup')()
    writeFileSync(lockFile(), 'not a lock')
    lockDataFolder(folder, 'backup')()
    expect(existsSync(lockFile())).toBe(false)
  })
})
