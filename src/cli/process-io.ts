import type { CliIo } from './io.js'
import { shutdownSignal } from './signals.js'

/**
 * The real process's streams and shutdown signal for `main`. A closed pipe on stdout or stderr
 * (`mock-auth scenarios | head`) is EPIPE: the reader has what it wanted, so later writes are
 * dropped quietly instead of crashing with a stack trace. Any other stream error still throws.
 */
export function processIo(target: NodeJS.Process = process): CliIo {
  for (const stream of [target.stdout, target.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
    })
  }
  return { stdout: target.stdout, stderr: target.stderr, signal: shutdownSignal(target) }
}
