import type { Options } from 'yargs'

export type ParsedArgv = Record<string, unknown> & { _: Array<string | number> }

/**
 * Recognises the plain invocations of one command, such as `serve --port 0 --scenario expired`,
 * and returns what yargs would parse them to; for anything else it returns undefined and yargs
 * parses, validates and reports as usual. It exists for cold start: yargs costs about 70 ms to load
 * (cliui, string-width's Intl.Segmenter, y18n), a quarter of `mock-auth serve`'s spawn-to-listening
 * time, and a plain `serve` has nothing for it to decide.
 *
 * "Plain" is deliberately narrow, so the answer is yargs' own (test/cli/plain-argv.test.ts checks
 * it against yargs): each option is a `--kebab-name` from `options` of type string or number (no
 * booleans, arrays, aliases, camelCase spellings or negations), given once, as `--name value` or
 * `--name=value`, with a non-empty value that does not start with `-` or a quote; numbers are
 * plain decimals; `choices` are respected. `--help`, `--version`, positionals and anything unknown
 * go to yargs.
 */
export function plainArgv(argv: readonly string[], command: string, options: Readonly<Record<string, Options>>): ParsedArgv | undefined {
  if (argv[0] !== command) return undefined
  const parsed: ParsedArgv = { _: [command] }
  const seen = new Set<string>()
  for (let i = 1; i < argv.length; i++) {
    const flag = flagAt(argv, i)
    if (!flag) return undefined
    const { name, value } = flag
    if (flag.separate) i++
    const option = Object.hasOwn(options, name) ? options[name] : undefined
    if (!option || option.array || option.alias !== undefined || seen.has(name)) return undefined
    if (value === undefined || value === '' || /^[-'"]/.test(value)) return undefined
    let parsedValue: string | number
    if (option.type === 'string') parsedValue = value
    else if (option.type === 'number' && /^(?:0|[1-9]\d{0,8})$/.test(value)) parsedValue = Number(value)
    else return undefined
    if (option.choices !== undefined && !(option.choices as readonly unknown[]).includes(parsedValue)) return undefined
    seen.add(name)
    // yargs' camel-case expansion: both spellings, as `main` reads the camelCase one.
    parsed[name] = parsedValue
    parsed[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = parsedValue
  }
  return parsed
}

/**
 * The flag at `argv[i]`, as `--name value` or `--name=value`: its name, its value (undefined when
 * nothing follows) and whether the value was the next token. Undefined for anything but `--name`.
 */
export function flagAt(argv: readonly string[], i: number): { name: string; value: string | undefined; separate: boolean } | undefined {
  const token = argv[i] as string
  if (!token.startsWith('--') || token === '--') return undefined
  const eq = token.indexOf('=')
  if (eq !== -1) return { name: token.slice(2, eq), value: token.slice(eq + 1), separate: false }
  return { name: token.slice(2), value: argv[i + 1], separate: true }
}
