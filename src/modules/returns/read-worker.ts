import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { XmlFilePart } from '#src/platform/xml/read-xml.ts'
import type { ExtractLimits } from './extract-limits.ts'
import { type RowBatch, RowBatcher } from './extract-rows.ts'
import { type ReadExtract, TABLES_OF, readExtract } from './ingest.ts'
import { createPseudonymiser } from './pseudonym.ts'
import type { ExtractKind } from './records.ts'

/** What the thread that stores the rows asks of the thread that reads them. */
export interface ReadRequest {
  kind: ExtractKind
  path: string
  key: string
  workDir: string
  limits?: ExtractLimits
  /** A part of a census to read rather than the whole. */
  part?: XmlFilePart
}

/** What the reading thread sends back: batches of rows, then what the reading came to, or why it stopped. */
export type FromReader =
  | { type: 'rows'; batch: RowBatch }
  | { type: 'done'; read: ReadExtract }
  | { type: 'failed'; name: string; message: string; stack?: string }

/** Batches sent and not yet stored, at most: the reader waits for the store rather than run ahead of it. */
export const BATCHES_IN_FLIGHT = 8

/**
 * The reading thread: reads, checks and pseudonymises the extract (ingest.ts) and sends its rows a
 * batch at a time. `stored` counts the batches the other thread has stored (slot 0).
 */
async function serve(request: ReadRequest, stored: Int32Array) {
  const port = parentPort!
  let sent = 0
  const batcher = new RowBatcher(TABLES_OF[request.kind], (batch) => {
    port.postMessage({ type: 'rows', batch } satisfies FromReader)
    sent += 1
    for (;;) {
      const done = Atomics.load(stored, 0)
      if (sent - done <= BATCHES_IN_FLIGHT) break
      Atomics.wait(stored, 0, done, 1000)
    }
  })
  try {
    const read = await readExtract(request.kind, request.path, {
      pseudonyms: createPseudonymiser(request.key),
      sink: batcher.sink,
      workDir: request.workDir,
      limits: request.limits,
      part: request.part,
    })
    batcher.end()
    port.postMessage({ type: 'done', read } satisfies FromReader)
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error))
    port.postMessage({ type: 'failed', name, message, stack } satisfies FromReader)
  }
}

if (!isMainThread && (workerData as { returnsReader?: boolean } | null)?.returnsReader) {
  const { request, stored } = workerData as { request: ReadRequest; stored: SharedArrayBuffer }
  void serve(request, new Int32Array(stored))
}
