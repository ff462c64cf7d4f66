import { ACCESS, AUTHORIZATIONS, CONTENT_TYPES, COOKIES, FAULT_SCENARIOS, FIELDS, METHODS, NAMESPACES, PATH_MUTATIONS, REFRESH, ROUTES, SCENARIOS, value } from './fuzz-values.js'
import type { Rand } from './prng.js'

/** One bad (or almost good) request, independent of the transport that will carry it. */
export interface FuzzCase {
  index: number
  method: string
  path: string
  /** In order; a name may repeat. Values may hold the ACCESS/REFRESH placeholders. */
  headers: Array<[string, string]>
  body: string | Uint8Array | null
  /** A fault scenario was asked for: a 5xx or a dropped connection is the expected answer. */
  fault: boolean
}

const INVALID_UTF8 = [[0xff, 0xfe], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]

export function generateCase(rand: Rand, index: number): FuzzCase {
  const [route, methods] = rand.pick(ROUTES)
  const method = rand.chance(0.75) ? rand.pick(methods) : rand.pick(METHODS)
  const path = rand.chance(0.2) ? rand.pick(PATH_MUTATIONS)(route, rand) : route
  const headers: Array<[string, string]> = []
  let fault = false
  const body = rand.chance(0.75) ? generateBody(rand) : null
  if (body !== null || rand.chance(0.2)) headers.push(['content-type', rand.pick(CONTENT_TYPES)])
  if (rand.chance(0.35)) headers.push(['authorization', rand.pick(AUTHORIZATIONS)])
  if (rand.chance(0.3)) headers.push(['cookie', rand.pick(COOKIES)])
  if (rand.chance(0.05)) headers.push(['cookie', rand.pick(COOKIES)])
  if (rand.chance(0.05)) headers.push(['authorization', rand.pick(AUTHORIZATIONS)])
  if (rand.chance(0.3)) headers.push(['x-mock-auth-namespace', rand.pick(NAMESPACES)])
  if (rand.chance(0.15)) headers.push(['x-mock-auth-scenario', rand.pick(SCENARIOS)])
  if (rand.chance(0.02)) {
    headers.push(['x-mock-auth-scenario', rand.pick(FAULT_SCENARIOS)])
    fault = true
  }
  if (rand.chance(0.1)) headers.push(['origin', rand.pick(['http://localhost:3000', 'http://127.0.0.1:5173', 'http://evil.example', 'null'])])
  if (rand.chance(0.05)) headers.push(['accept', rand.pick(['text/html', '*/*', 'application/json;q=0', ''])])
  if (rand.chance(0.03)) headers.push([`x-${rand.ascii(8).replace(/[^a-z0-9]/gi, 'a')}`, 'x'.repeat(rand.int(4000))])
  if (rand.chance(0.03)) headers.push(['content-encoding', rand.pick(['gzip', 'br', 'identity', 'x'])])
  if (rand.chance(0.02)) headers.push(['transfer-encoding', 'chunked'])
  return { index, method, path, headers, body, fault }
}

function generateBody(rand: Rand): string | Uint8Array {
  switch (rand.int(12)) {
    case 0: return ''
    case 1: return JSON.stringify(credentials(rand))
    case 2: {
      const text = JSON.stringify(credentials(rand))
      return text.slice(0, rand.int(text.length))
    }
    case 3: return nested(rand)
    case 4: return JSON.stringify(value(rand))
    case 5: return `{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}},"username":"test","password":"test"}`
    case 6: return form(rand)
    case 7: return invalidUtf8(rand)
    case 8: return rand.chance(0.15) ? 'x'.repeat(rand.pick([100 * 1024, 100 * 1024 + 1, 200_000])) : `{"username":"${'u'.repeat(rand.int(20_000))}","password":"test"}`
    case 9: return rand.pick(['null', '[]', '"str"', '42', 'true', '{', '}', '{"a":1}{"b":2}', '\u0000', '{"username":"test","password":"test",}', "{'username':'test'}"])
    case 10: return JSON.stringify({ refreshToken: rand.pick([REFRESH, ACCESS, '', REFRESH + 'x', 123, null, [REFRESH]]) })
    default: return JSON.stringify(control(rand))
  }
}

function credentials(rand: Rand): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  if (rand.chance(0.8)) body.username = rand.chance(0.6) ? rand.pick(['test', 'admin', 'TEST', 'test@example.com']) : value(rand)
  if (rand.chance(0.8)) body.password = rand.chance(0.6) ? rand.pick(['test', 'admin', 'wrong']) : value(rand)
  if (rand.chance(0.2)) body.email = rand.chance(0.5) ? `fuzz${rand.int(1e6)}@example.com` : value(rand)
  if (rand.chance(0.2)) body[rand.pick(FIELDS)] = value(rand)
  return body
}

/** Bodies for the control API: clock moves, scenario switches, minting. Never a fault scenario. */
function control(rand: Rand): Record<string, unknown> {
  switch (rand.int(4)) {
    case 0: return { advance: rand.pick(['15m', '-15m', '1d', '0', 'abc', '', '1e400d', '99999999d', 5, null]) }
    case 1: return { set: rand.pick(['2030-01-01T00:00:00Z', 'not a date', '', '+275760-09-13T00:00:01Z', '-271821-04-20T00:00:00Z', 0, 1e20, null]) }
    case 2: return { name: rand.pick(SCENARIOS) }
    default: return { user: rand.pick(['test', 'admin', 'nobody', '', '__proto__', 42]), ttl: rand.pick(['1h', '-1h', 'x', 0, undefined]), expired: rand.pick([true, false, 'yes']) }
  }
}

function nested(rand: Rand): string {
  const depth = rand.pick([31, 32, 33, 100, 5000, 60_000])
  const open = rand.chance(0.5) ? '[' : '{"a":'
  const close = open === '[' ? ']' : '}'
  return open.repeat(depth) + '1' + (rand.chance(0.7) ? close.repeat(depth) : '')
}

function form(rand: Rand): string {
  return rand.pick([
    'username=test&password=test', 'username=test&password=wrong', '%zz=%zz', 'a=%ff', '&&&=', '__proto__[admin]=1&username=test&password=test',
    'username=test&username=admin&password=test', `refreshToken=${REFRESH}`, 'constructor=x&prototype=y', 'username=%00&password=%00',
  ])
}

function invalidUtf8(rand: Rand): Uint8Array {
  const prefix = new TextEncoder().encode('{"username":"test","password":"')
  const bad = rand.chance(0.5) ? Uint8Array.from(rand.pick(INVALID_UTF8)) : rand.bytes(1 + rand.int(64))
  const suffix = new TextEncoder().encode('"}')
  const out = new Uint8Array(prefix.length + bad.length + suffix.length)
  out.set(prefix)
  out.set(bad, prefix.length)
  out.set(suffix, prefix.length + bad.length)
  return out
}

/** Fills the placeholders with live credentials. */
export function resolve(text: string, creds: { access: string; refresh: string }): string {
  return text.replaceAll(ACCESS, creds.access).replaceAll(REFRESH, creds.refresh)
}

/** A short, printable description for a failure message. */
export function describeCase(c: FuzzCase): string {
  const body = c.body === null ? 'no body' : typeof c.body === 'string' ? JSON.stringify(c.body.slice(0, 200)) : `bytes[${c.body.length}]`
  const headers = c.headers.map(([n, v]) => `${n}: ${v.slice(0, 80)}`).join(' | ')
  return `#${c.index} ${c.method} ${c.path.slice(0, 200)} {${headers}} ${body}${c.fault ? ' (fault)' : ''}`
}
