import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'

let compiled: Promise<WebAssembly.Module> | undefined

/** Reads and compiles the file on a thread of its own, and hands the module over (modules are shared, not copied). */
const COMPILE_ON_A_THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
WebAssembly.compile(require('node:fs').readFileSync(workerData)).then((module) => parentPort.postMessage(module))`

function compileOnAThread(file: string): Promise<WebAssembly.Module> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(COMPILE_ON_A_THREAD, { eval: true, workerData: file })
    worker.unref()
    worker.once('message', (module: WebAssembly.Module) => {
      resolve(module)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) =>
      reject(new Error(`PGlite's WebAssembly was not compiled (the thread ended with ${code})`)),
    )
  })
}

/**
 * PGlite's WebAssembly (PostgreSQL), read and compiled once per process and shared by every PGlite it
 * opens: on its own, each PGlite reads the 10 MB file and compiles it again. It is compiled on a thread
 * of its own, and `npm start` asks for it first thing (scripts/start.mjs), so that it is compiled while
 * this thread loads the app's modules: about 0.1 s sooner to the first page than compiling it here. If
 * the thread fails it is compiled here. A failure is not kept: the next PGlite asks again.
 */
export function pgliteWasm(): Promise<WebAssembly.Module> {
  if (!compiled) {
    const file = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), 'pglite.wasm')
    compiled = compileOnAThread(file)
      .catch(() => WebAssembly.compile(readFileSync(file)))
      .catch((error: unknown) => {
        compiled = undefined
        throw error
      })
  }
  return compiled
}
