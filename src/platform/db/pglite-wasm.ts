import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let compiled: Promise<WebAssembly.Module> | undefined

/**
 * PGlite's WebAssembly (PostgreSQL), read and compiled once per process and shared by every PGlite it
 * opens: on its own, each PGlite reads the 10 MB file and compiles it again. `npm start` asks for it
 * first thing (scripts/start.mjs), so that the file is read and compiled while the app's modules load,
 * not after. A failure is not kept: the next PGlite asks again.
 */
export function pgliteWasm(): Promise<WebAssembly.Module> {
  if (!compiled) {
    const file = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm')
    // Read at once, not asynchronously: the compiling starts now, while this thread goes on loading
    // modules, rather than when the thread is next free to hear that the file has been read.
    compiled = Promise.resolve()
      .then(() => WebAssembly.compile(readFileSync(file)))
      .catch((error: unknown) => {
        compiled = undefined
        throw error
      })
  }
  return compiled
}
