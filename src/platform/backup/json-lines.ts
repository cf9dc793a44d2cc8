/** A chunk as a Buffer without copying it (tar entries and PGlite hand out plain Uint8Arrays). */
export function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
}

/**
 * The lines of a stream of UTF-8 bytes, each without its newline. Every line ends with one, so
 * bytes after the last newline mean the stream was cut short. `onChunk` sees every byte, for a
 * checksum taken in the same pass.
 */
export async function* linesOf(
  content: AsyncIterable<Uint8Array>,
  onChunk?: (chunk: Buffer) => void,
): AsyncGenerator<string> {
  let carry: Buffer[] = []
  for await (const raw of content) {
    const chunk = asBuffer(raw)
    onChunk?.(chunk)
    let start = 0
    // A newline byte never occurs inside a multi-byte UTF-8 character, so splitting on it is safe.
    for (let end = chunk.indexOf(10, start); end !== -1; end = chunk.indexOf(10, start)) {
      carry.push(chunk.subarray(start, end))
      yield Buffer.concat(carry).toString('utf8')
      carry = []
      start = end + 1
    }
    if (start < chunk.length) carry.push(chunk.subarray(start))
  }
  if (carry.length) throw new Error('its last line is cut short')
}
