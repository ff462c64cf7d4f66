import { expect } from 'vitest'
import { main, type CliIo } from '../../src/cli/index.js'

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

/** Runs `serve` in-process until `body` is done, then aborts it like a SIGTERM would. */
export async function serving(args: string[], body: (url: string, io: ReturnType<typeof captureIo>) => Promise<void>): Promise<{ code: number; io: ReturnType<typeof captureIo> }> {
  const controller = new AbortController()
  const io = captureIo(controller.signal)
  const done = main(['serve', '--port', '0', ...args], io)
  await expect.poll(() => io.out() + io.err(), { timeout: 5000 }).toMatch(/listening on|mock-auth: (?!warning)/)
  const url = /listening on (http:\/\/\S+)/.exec(io.out())?.[1]
  if (!url) return { code: await done, io }
  try {
    await body(url, io)
  } finally {
    controller.abort()
  }
  return { code: await done, io }
}

