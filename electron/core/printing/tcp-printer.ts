// Sends ESC/POS to a network printer (raw TCP, port 9100 as a rule). "Sent" means the printer
// took it: the print ends with GS r 1 and the printer answers a status byte only once it has
// processed everything before it. A printer that accepts the connection and never reads (its
// buffer full, its firmware stuck) is timed out rather than waited on forever.
import { connect } from 'node:net'

export interface TcpTarget {
  host: string
  port: number
}

export interface SendOptions {
  /** The whole attempt (connect, write, answer) gets this long. */
  timeoutMs: number
  /** Wait for the status byte (default); false: done when the bytes are written and the socket closed. */
  ack?: boolean
  signal?: AbortSignal
}

/** Why a print did not reach the printer, with a code a caller can act on. */
export class PrinterError extends Error {
  constructor(
    readonly code: 'unreachable' | 'timeout' | 'closed' | 'aborted',
    message: string,
  ) {
    super(message)
    this.name = 'PrinterError'
  }
}

const where = (target: TcpTarget) => `${target.host}:${target.port}`

/** Sends `bytes`; resolves when the printer acknowledged them, rejects with a PrinterError. */
export function sendEscpos(
  target: TcpTarget,
  bytes: Uint8Array,
  options: SendOptions,
): Promise<void> {
  const ack = options.ack ?? true
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port })
    let settled = false
    const finish = (error: PrinterError | null) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      if (error === null) {
        socket.end()
        resolve()
      } else {
        socket.destroy()
        reject(error)
      }
    }
    const timer = setTimeout(() => {
      const stage = socket.connecting ? 'did not accept the connection' : 'did not answer'
      finish(
        new PrinterError('timeout', `${where(target)} ${stage} within ${options.timeoutMs} ms`),
      )
    }, options.timeoutMs)
    const onAbort = () =>
      finish(new PrinterError('aborted', `printing to ${where(target)} was stopped`))
    options.signal?.addEventListener('abort', onAbort, { once: true })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message
      finish(new PrinterError('unreachable', `${where(target)} cannot be reached (${reason})`))
    })
    socket.on('connect', () => {
      if (ack) socket.write(bytes)
      // Without an answer to wait for, the bytes written and the connection closed is all there is.
      else socket.end(bytes, () => finish(null))
    })
    socket.on('data', () => finish(null))
    socket.on('close', () =>
      finish(new PrinterError('closed', `${where(target)} closed the connection before answering`)),
    )
  })
}
