// errors.js alone, not the core's index: parsing argv and printing help never load jose.
import { isMockAuthError } from '../core/errors.js'

/** Where the CLI writes and what stops `serve`; tests pass their own to capture output. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown }
  /** Aborting it stops a running `serve` (the bin wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal
}

export const EXIT_OK = 0
/** A runtime failure: unknown scenario, bad file, taken port, server not running. */
export const EXIT_FAILURE = 1
/** A usage mistake: unknown command or option, bad option value. */
export const EXIT_USAGE = 2

/** An error the CLI reports as one line, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message)
    this.name = 'CliError'
  }
}

/** One line for any error: ours speak for themselves; anything else is named as unexpected. */
export function errorLine(error: unknown): string {
  if (error instanceof CliError || isMockAuthError(error)) return error.message
  const code = (error as { code?: unknown } | null)?.code
  if (error instanceof Error && typeof code === 'string' && code.startsWith('E')) return error.message
  const text = error instanceof Error ? error.message : String(error)
  return `Unexpected error: ${text.split('\n', 1)[0]}. Please report it with the command you ran.`
}

export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : EXIT_FAILURE
}
