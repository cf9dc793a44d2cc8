import { connect } from 'node:net'

/**
 * A GET written byte for byte on a socket, for requests that app.inject and HTTP clients tidy up
 * or refuse to send: a missing or empty Host, one with spaces, an absolute-form target. Returns the
 * status (0 when the server closed without answering) and the whole response, headers included.
 */
export function rawGet(port: number, target: string, headerLines: string[]): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }))
    socket.on('error', reject)
    const head = [`GET ${target} HTTP/1.1`, ...headerLines, 'Connection: close'].join('\r\n')
    socket.write(`${head}\r\n\r\n`)
  })
}
