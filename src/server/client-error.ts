import type { Duplex } from 'node:stream'
import { errorResult } from '../core/kernel.js'

/**
 * Node's HTTP parser rejects some requests before Express sees them (an unknown method token, a
 * body on HEAD, malformed framing, headers over 16 KB) and by default answers a bare 400/431
 * with no body. This answers the same statuses as JSON `{error, message}`, like every other error
 * of the server, then closes the connection (the parser cannot resynchronise on it).
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // As Node's default handler: nothing to answer on a reset socket or once a response has started.
  const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy()
    return
  }
  const overflow = error.code === 'HPE_HEADER_OVERFLOW'
  const status = overflow ? 431 : 400
  const reason = overflow ? 'Request Header Fields Too Large' : 'Bad Request'
  const message = overflow
    ? 'The request headers are larger than 16 KB; send fewer or shorter headers (cookies included).'
    : 'The HTTP request could not be parsed (an unknown method, a body on HEAD, or malformed framing).'
  const body = errorResult('invalid_request', { message }).body ?? ''
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\ncache-control: no-store\r\n` +
      `connection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}
