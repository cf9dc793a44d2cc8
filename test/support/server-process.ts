import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Starts Oversight as its own process (`node ...args`) and waits until it says it is serving;
 * `startOutput` is what it said until then.
 */
export async function startServerProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess & { startOutput: string }> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server process did not start:\n${output}`)), 90_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Oversight is serving')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => reject(new Error(`The server process ended (${code}):\n${output}`)))
  })
  return Object.assign(child, { startOutput: output })
}

/** Stops a process started by startServerProcess and waits for it to end. */
export async function stopServerProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return
  const ended = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await ended
}
