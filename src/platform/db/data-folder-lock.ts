import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The file in DATA_DIR that says which process has the embedded database open. */
export const LOCK_FILE = 'oversight.lock'

interface Holder {
  pid: number
  command: string
  since: string
}

/** Raised when another live process holds the data folder; the message says what to do. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly holder: Holder,
    command: string,
  ) {
    const who =
      holder.command === 'serve'
        ? 'The app is running on this data folder'
        : `Another Oversight command (${holder.command}) is using this data folder`
    const again = command === 'serve' ? 'start the app again' : `run the ${command} again`
    super(`${who} (process ${holder.pid}): stop it, then ${again}.`)
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder
    return Number.isInteger(holder.pid) ? holder : undefined
  } catch {
    return undefined
  }
}

/**
 * Takes the embedded database's data folder for this process. PGlite is a single-process
 * database: a second process opening the same folder (a backup while the app serves) would read
 * or write pages under the other's feet. A lock left by a process that has gone is taken over.
 * The lock is released when the process exits, however it exits short of being killed.
 */
export function lockDataFolder(dataDir: string, command: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  const mine: Holder = { pid: process.pid, command, since: new Date().toISOString() }
  // Written beside the lock, then linked into place: the lock appears whole or not at all.
  const draft = `${path}.${process.pid}`
  writeFileSync(draft, JSON.stringify(mine))
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(draft, path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = readHolder(path)
        if (holder && isAlive(holder.pid)) throw new DataFolderInUseError(holder, command)
        rmSync(path, { force: true }) // left by a process that has gone
        continue
      }
      const release = () => {
        process.off('exit', release)
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true })
      }
      process.on('exit', release)
      return release
    }
  } finally {
    rmSync(draft, { force: true })
  }
  throw new Error(`Could not take the lock ${path}: another process took it at the same moment`)
}
