import type { Options } from 'yargs'
import { CliError, EXIT_USAGE } from './io.js'
import { flagAt } from './plain-argv.js'

/**
 * What yargs would let through but a user never means, checked on the raw argv before it parses:
 * an empty value (`--host ""` from an unset `$HOST` would bind every interface, `--port=` a random
 * port) and a number that is not written in decimal (`--port 0x10` is port 16, `--port abc` NaN).
 * A value that starts with `-` is left to yargs, which reads it as the next flag or a negative.
 */
export function checkRawValues(argv: readonly string[], options: Readonly<Record<string, Options>>): void {
  for (let i = 1; i < argv.length; i++) {
    const flag = flagAt(argv, i)
    if (!flag) continue
    const { name, value, separate } = flag
    const option = Object.hasOwn(options, name) ? options[name] : undefined
    if (!option || (option.type !== 'string' && option.type !== 'number')) continue
    if (value === undefined || (separate && value.startsWith('-'))) continue
    if (separate) i++
    if (value.trim() === '') throw new CliError(`--${name} was given an empty value: pass one (see mock-auth serve --help), or leave the flag out for its default.`, EXIT_USAGE)
    if (option.type === 'number' && !/^-?\d+(?:\.\d+)?$/.test(value)) {
      throw new CliError(`Invalid --${name} "${value}": write a decimal number${name === 'port' ? ' from 0 to 65535 (0 picks a free port)' : ''}.`, EXIT_USAGE)
    }
  }
}
