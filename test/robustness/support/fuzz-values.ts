import type { Rand } from './prng.js'

/** Placeholders the runner swaps for live credentials, so cases stay replayable from the seed. */
export const ACCESS = '{{access}}'
export const REFRESH = '{{refresh}}'

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'get', 'Post', 'delete', 'MKCOL', 'X-CUSTOM']

/** Paths with the methods they answer, so most cases get past routing into the handlers. */
export const ROUTES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/api/auth', ['POST', 'GET', 'DELETE']], ['/api/auth/login', ['POST']], ['/api/auth/session', ['GET', 'DELETE']],
  ['/api/auth/logout', ['POST']], ['/api/auth/register', ['POST']], ['/api/auth/me', ['GET']], ['/api/auth/refresh', ['POST']],
  ['/api/auth/jwks', ['GET']], ['/.well-known/jwks.json', ['GET']], ['/__mock-auth/health', ['GET']], ['/__mock-auth/state', ['GET']],
  ['/__mock-auth/scenario', ['GET', 'PUT']], ['/__mock-auth/scenarios', ['GET']], ['/__mock-auth/clock', ['GET', 'POST']],
  ['/__mock-auth/token', ['POST']], ['/api/auth/nope', ['GET']], ['/api/authx', ['GET']], ['/', ['GET']], ['/favicon.ico', ['GET']],
  ['/__mock-auth/nope', ['GET']], ['/API/AUTH/LOGIN', ['POST']], ['/api/auth/login/extra', ['POST']],
]

/** Ways to bend a path: traversal, encoding, doubling, odd bytes. */
export const PATH_MUTATIONS: Array<(path: string, rand: Rand) => string> = [
  (p) => `${p}/`,
  (p) => `${p}//`,
  (p) => p.replace(/\//g, '//'),
  (p) => `${p}/../../etc/passwd`,
  (p) => `${p}/..%2f..%2fetc%2fpasswd`,
  (p) => `/api/auth/%2e%2e/%2e%2e${p}`,
  (p) => `${p}%00`,
  (p) => `${p}%ff%fe`,
  (p) => `${p}%E2%82`,
  (p) => `${p}%`,
  (p) => `${p}%zz`,
  (p) => p.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`),
  (p) => `${p}?__proto__[admin]=1&constructor.prototype.x=1`,
  (p) => `${p}?${'q=1&'.repeat(200)}`,
  (p, r) => `${p}/${r.ascii(r.int(40)).replace(/[?#%\s"<>\\^`{|}]/g, 'x')}`,
  (p, r) => `${p}/${'a'.repeat(1000 + r.int(6000))}`,
  (p) => `${p};jsessionid=1`,
  (p) => `${p}#frag`,
]

export const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.api+json',
  'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', '', ';;;',
  'application/json; charset=latin1', 'application/jsonx', 'json', '*/*', 'application/json, text/plain',
]

export const AUTHORIZATIONS = [
  'Bearer', 'Bearer ', 'bearer x', 'BEARER a.b.c', 'Basic dGVzdDp0ZXN0', `Bearer ${ACCESS}`, `bearer ${ACCESS}`,
  `Bearer  ${ACCESS}`, `Bearer ${ACCESS}x`, `Bearer ${ACCESS} extra`, `Token ${ACCESS}`, `Bearer ${REFRESH}`,
  'Bearer a.b.c', 'Bearer ....', 'Bearer ===', 'Bearer \u00e9\u00e9', `Bearer ${'x'.repeat(4000)}`, 'Bearer\tabc',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyMTIzIn0.', '',
]

export const COOKIES = [
  'session=', 'session=garbage', `session=${ACCESS}`, `refresh_token=${REFRESH}`, `session=${ACCESS}; refresh_token=${REFRESH}`,
  ';;;', '=', 'session', 'a=b; a=c', '%', 'session="quoted"', 'session=%ff%fe', '__proto__=x', 'constructor=1',
  'mock-auth-scenario=nope', 'mock-auth-scenario=expired', 'mock-auth-namespace=fuzz-a', 'mock-auth-namespace=',
  `session=${'x'.repeat(3000)}`, 'session=a.b.c; session=d.e.f', 'refresh_token=', 'refresh_token=__proto__',
]

export const NAMESPACES = ['fuzz-a', 'fuzz-b', 'default', '', '__proto__', 'constructor', 'toString', 'x'.repeat(300), 'caf\u00e9', '../..']

/** Scenario names that do not fail by design; fault scenarios are chosen apart and flagged. */
export const SCENARIOS = ['default', 'expired', 'refresh-expired', 'bad-credentials', 'locked', 'rate-limited', 'short-lived', 'nope', '', '__proto__', 'constructor', 'toString']
export const FAULT_SCENARIOS = ['server-error', 'unavailable', 'network-error']

export const FIELDS = ['username', 'email', 'password', 'name', 'refreshToken', 'user', 'ttl', 'expired', 'advance', 'set', 'scenario']

/** A random JSON value of a type a field may not expect. */
export function value(rand: Rand, depth = 0): unknown {
  switch (rand.int(depth > 2 ? 9 : 12)) {
    case 0: return 'test'
    case 1: return ''
    case 2: return rand.pick(['admin', 'test@example.com', REFRESH, ACCESS, '15m', '-1d', '99999999d', '2030-01-01T00:00:00Z', '+275760-09-13T00:00:01Z', 'default', 'expired', 'nope'])
    case 3: return rand.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.5])
    case 4: return null
    case 5: return rand.chance(0.5)
    case 6: return 'x'.repeat(rand.pick([100, 5000, 60_000]))
    case 7: return rand.pick(['\u0000', '\ud800', '\u202e\u0645', '<script>', "' OR 1=1 --", '${x}', '\\', '"'])
    case 8: return rand.ascii(rand.int(30))
    case 9: return [value(rand, depth + 1), value(rand, depth + 1)]
    case 10: return { [rand.pick(FIELDS)]: value(rand, depth + 1) }
    // JSON.parse makes `__proto__` an own key, as a client's JSON body would.
    default: return JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"polluted":true}}}') as unknown
  }
}
