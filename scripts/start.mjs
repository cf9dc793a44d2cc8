// Runs Oversight from dist/, building it first when it is missing or older than anything in src/ or
// the last `npm install` (a fresh clone, or a change since the last build): `npm start` stays one command.
import module from 'node:module'
import { readdirSync, statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { STAMP, buildDist } from './build.mjs'

const root = join(import.meta.dirname, '..')

/**
 * The newest modification time of anything under `folder`. Synchronously: nothing else is running yet,
 * and a thousand files stat'ed one after another through the thread pool took five times as long.
 */
function newest(folder) {
  let latest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return latest
}

const built = await stat(STAMP).then(
  (s) => s.mtimeMs,
  () => 0,
)
// The build also holds some packages' code and GOV.UK's compiled templates: an `npm install` since
// (which rewrites node_modules/.package-lock.json) builds again too.
const installed = await stat(join(root, 'node_modules', '.package-lock.json')).then(
  (s) => s.mtimeMs,
  () => 0,
)
if (built < Math.max(installed, newest(join(root, 'src')))) await buildDist()
// Node 22.1 and later keep the code they compile for each module, so a restart does not compile it
// again; in dist/, so that each build starts a fresh cache. Node 20 has no such cache.
module.enableCompileCache?.(join(root, 'dist', '.compile-cache'))
// PGlite's WebAssembly is read and compiled on other threads while the app's modules load on this one.
// On PostgreSQL (DATABASE_URL) nothing needs it.
if (!process.env.DATABASE_URL) {
  const { pgliteWasm } = await import(pathToFileURL(join(root, 'dist', 'platform', 'db', 'pglite-wasm.js')).href)
  pgliteWasm().catch(() => {}) // a failure is not kept: opening the database asks again, and reports it
}
await import(pathToFileURL(join(root, 'dist', 'main.js')).href)
