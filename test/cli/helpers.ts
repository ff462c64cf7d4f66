import type { CliIo } from '../../src/cli/index.js'

/** An io that records what the CLI writes. */
export function captureIo(signal?: AbortSignal): CliIo & { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  const io: CliIo & { out: () => string; err: () => string } = {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    out: () => out,
    err: () => err,
  }
  if (signal) io.signal = signal
  return io
}
