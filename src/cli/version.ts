import { readFileSync } from 'node:fs'

/**
 * The version in mock-auth's package.json. The file sits two levels up from src/cli in the sources
 * and three from dist/src/cli once built, so look upwards for the package named mock-auth.
 */
export function packageVersion(): string {
  let url = new URL('.', import.meta.url)
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', url), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'mock-auth' && typeof pkg.version === 'string') return pkg.version
    } catch {
      // not here; keep looking upwards
    }
    url = new URL('..', url)
  }
  return 'unknown'
}
