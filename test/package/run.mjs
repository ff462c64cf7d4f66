// `npm run test:package` (part of `npm test`): the package as a consumer installs it. Packs the
// built package (`npm pack`), checks that every source map names only files in the tarball, runs
// publint and attw (ESM-only profile) on the tarball, installs it in a fresh consumer project (a
// temp dir; npm's cache first, so it works offline once `npm ci` has run) WITHOUT @types/express,
// type-checks every entry there (test/package/consumer/entries.ts) with skipLibCheck false under
// moduleResolution bundler, node16 and nodenext, then runs `npx mock-auth serve` (a sign-in over
// HTTP) and a Vitest file using mock-auth/vitest. Any failure exits 1 and says which step.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkSourceMaps } from './source-maps.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

class StepFailure extends Error {}

function fail(step, message) {
  throw new StepFailure(`test:package: ${step} failed: ${message}`)
}

/** Runs a command to completion (5 minutes at most); its output is shown only when it fails. */
function run(step, command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } })
  if (result.status !== 0) fail(step, `${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${result.stdout}${result.stderr}`)
  console.log(`test:package: ${step}: ok`)
  return result.stdout
}

/** The version of a dev dependency installed here, so the consumer gets the same one from npm's cache. */
function installedVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
}

/**
 * `require()` on Node >= 20.19 (require(esm)), entry by entry, as README.md's "ESM only" section
 * states it: the Node entries built on msw load msw's narrow `http` entry with a top-level await,
 * which require(esm) refuses; `mock-auth/browser` is not exported to Node at all.
 */
const REQUIRE_OUTCOMES = {
  'mock-auth': 'ok',
  'mock-auth/core': 'ok',
  'mock-auth/dialects': 'ok',
  'mock-auth/scenarios': 'ok',
  'mock-auth/handlers': 'ok',
  'mock-auth/server': 'ok',
  'mock-auth/node': 'ERR_REQUIRE_ASYNC_MODULE',
  'mock-auth/browser': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  'mock-auth/vitest': 'ERR_REQUIRE_ASYNC_MODULE',
  'mock-auth/playwright': 'ok',
  'mock-auth/errors': 'ok',
}

if (!existsSync(join(root, 'dist', 'bin', 'mock-auth.js'))) {
  console.error('test:package: dist/ is missing. Run npm run build first (npm test does).')
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), 'mock-auth-package-'))
try {
  // 1. Pack, and read what the tarball holds.
  const [packed] = JSON.parse(run('npm pack', npm, ['pack', '--json', '--pack-destination', work], root))
  const tarball = join(work, packed.filename)
  const files = new Set(packed.files.map((file) => file.path))
  const broken = checkSourceMaps(root, files)
  if (broken.length > 0) fail('source maps', `maps name files the tarball lacks:\n  ${broken.slice(0, 20).join('\n  ')}${broken.length > 20 ? `\n  (${broken.length - 20} more)` : ''}`)
  console.log(`test:package: source maps: ok (${[...files].filter((f) => f.endsWith('.map')).length} maps, every source shipped)`)

  // The README is the registry page: each relative link must name a file the tarball ships.
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1].split('#')[0]).filter((l) => l !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(l))
  const dangling = links.filter((link) => !files.has(link.replace(/^\.\//, '')))
  if (dangling.length > 0) fail('README links', `README.md links to files the tarball lacks: ${dangling.join(', ')} (ship them in package.json "files")`)
  console.log(`test:package: README links: ok (${links.length} relative links, all shipped)`)
  // The docs ship too (the README says its links work from the registry's file view): so must theirs.
  const docLinks = [...files].filter((f) => /^docs\/[^/]+\.md$/.test(f)).flatMap((doc) =>
    [...readFileSync(join(root, doc), 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1].split('#')[0])
      .filter((l) => l !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(l))
      .map((l) => ({ doc, target: posix.normalize(posix.join(posix.dirname(doc), l)).replace(/\/$/, '') })),
  )
  const isShipped = (target) => files.has(target) || [...files].some((f) => f.startsWith(`${target}/`))
  const danglingDocs = docLinks.filter(({ target }) => !isShipped(target))
  if (danglingDocs.length > 0) fail('docs links', `docs link to files the tarball lacks: ${danglingDocs.map(({ doc, target }) => `${doc} -> ${target}`).join(', ')} (ship them in package.json "files")`)
  console.log(`test:package: docs links: ok (${docLinks.length} relative links, all shipped)`)

  // 2. Lint the tarball as the registry would serve it.
  run('publint', npx, ['--no-install', 'publint', 'run', tarball, '--strict'], root)
  run('attw (esm-only)', npx, ['--no-install', 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii'], root)

  // 3. A consumer project: the tarball and the peers it uses, no @types/express.
  const consumer = join(work, 'consumer')
  spawnSync('mkdir', ['-p', consumer])
  const dependencies = { 'mock-auth': `file:${tarball}` }
  for (const name of ['msw', 'vitest', '@playwright/test', 'typescript', '@types/node']) dependencies[name] = installedVersion(name)
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'mock-auth-consumer', private: true, type: 'module', dependencies }, null, 2)}\n`)
  for (const file of ['entries.ts', 'auth.test.ts', 'require-check.cjs']) copyFileSync(join(here, 'consumer', file), join(consumer, file))
  run('consumer install', npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer)
  if (existsSync(join(consumer, 'node_modules', '@types', 'express'))) fail('consumer install', '@types/express got installed: the check would prove nothing.')

  // 4. Every entry type-checks, skipLibCheck off, in each resolution mode a team may use.
  const modes = { bundler: { module: 'preserve', moduleResolution: 'bundler' }, node16: { module: 'node16', moduleResolution: 'node16' }, nodenext: { module: 'nodenext', moduleResolution: 'nodenext' } }
  for (const [name, resolution] of Object.entries(modes)) {
    const compilerOptions = { ...resolution, target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true }
    writeFileSync(join(consumer, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: ['entries.ts', 'auth.test.ts'] }, null, 2))
    run(`types (moduleResolution ${name})`, npx, ['--no-install', 'tsc', '-p', `tsconfig.${name}.json`], consumer)
  }

  // 5. `npx mock-auth serve` from the consumer, signed in over HTTP.
  await smokeServe(consumer)
  console.log('test:package: npx mock-auth serve: ok (sign-in, /me with its cookie)')

  // 6. mock-auth/vitest in the consumer's own Vitest.
  run('mock-auth/vitest in the consumer', npx, ['--no-install', 'vitest', 'run', '--root', consumer], consumer)

  // 7. require() of each entry does what the README's "ESM only" section says.
  const required = JSON.parse(run('require(esm)', process.execPath, ['require-check.cjs'], consumer).trim().split('\n').pop())
  if (JSON.stringify(required) !== JSON.stringify(REQUIRE_OUTCOMES)) {
    fail('require(esm)', `require() now gives ${JSON.stringify(required)}; the README says ${JSON.stringify(REQUIRE_OUTCOMES)}. Update one of them.`)
  }
  console.log(`test:package: ${pkg.name}@${pkg.version} passes as a consumer installs it`)
} catch (error) {
  if (!(error instanceof StepFailure)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  if (process.env.KEEP_PACKAGE_TEST) console.log(`test:package: kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}

/** Starts `npx mock-auth serve --port 0` in `cwd`, signs in with fetch, reads /me, stops it. */
async function smokeServe(cwd) {
  // Its own process group, so stopping it stops the server npx started too.
  const child = spawn(npx, ['--no-install', 'mock-auth', 'serve', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 20 s:\n${output}`)), 20_000)
      const onData = (chunk) => {
        output += chunk
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[0])
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.once('exit', (code) => reject(new Error(`exited ${code} before listening:\n${output}`)))
    })
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'test', password: 'test' }) })
    const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')
    const me = await fetch(`${url}/api/auth/me`, { headers: { cookie } })
    const body = await me.json()
    if (login.status !== 200 || me.status !== 200 || body?.user?.username !== 'test') {
      throw new Error(`sign-in ${login.status}, /me ${me.status} ${JSON.stringify(body)}`)
    }
  } catch (error) {
    fail('npx mock-auth serve', error instanceof Error ? error.message : String(error))
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
    child.stdout.destroy()
    child.stderr.destroy()
  }
}

