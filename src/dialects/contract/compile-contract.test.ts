import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compileContract } from './compile-contract.js'
import type { ContractInput } from './contract-types.js'
import { describeRoutes } from './describe-routes.js'

const example = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../examples/contracts/${name}`, import.meta.url), 'utf8'))
const bad = (input: unknown) => () => compileContract(input, 'my-backend.json')

describe('compileContract', () => {
  it('accepts the short form and fills in the defaults', () => {
    const contract = compileContract({ signIn: 'POST /auth/signin', me: 'get /auth/me' })
    expect(contract.routes).toEqual([
      { method: 'POST', path: '/auth/signin', operation: 'signIn' },
      { method: 'GET', path: '/auth/me', operation: 'me' },
    ])
    const signIn = contract.operations.signIn!
    expect(signIn.status).toBe(200)
    expect(signIn.fields).toEqual({ login: ['username', 'email'], password: ['password'] })
    expect(signIn.body({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, expiresAt: 'x', user: { id: 'u' } })).toEqual({
      user: { id: 'u' },
      accessToken: 'a',
      refreshToken: 'r',
      tokenType: 'Bearer',
      expiresIn: 900,
      expiresAt: 'x',
    })
    expect(contract.operations.me!.credentials).toEqual([{ from: 'bearer' }])
    expect(contract.tokens.subject).toBe('id')
  })

  it('compiles every shipped example', () => {
    for (const file of ['nextjs-route.json', 'json-server-auth.json', 'django-simplejwt.json']) {
      const contract = compileContract(example(file), file)
      expect(contract.routes.length, file).toBeGreaterThan(0)
    }
    const next = compileContract(example('nextjs-route.json'))
    expect(next.operations.session!.credentials).toEqual([{ from: 'cookie', name: 'session' }])
    expect(next.cookies.access!.set('jwt', Date.UTC(2030, 0, 1), 1000)).toBe('session=jwt; Path=/; Expires=Tue, 01 Jan 2030 01:00:00 GMT; HttpOnly; SameSite=Lax')
    expect(next.cookies.access!.clear()).toBe('session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax')
    const jwt = compileContract(example('django-simplejwt.json'))
    expect(jwt.operations.refresh!.refreshToken).toEqual([{ from: 'body', name: 'refresh' }])
    expect(jwt.operations.signIn!.errors.body({ error: 'invalid_credentials', message: 'No active account' })).toEqual({ detail: 'No active account' })
    expect(jwt.operations.refresh!.errors.codes.refresh_token_reused).toBe('token_not_valid')
  })

  it('takes a contract typed as TypeScript types JSON (strings where the input names literals)', () => {
    // What `import c from './nextjs-route.json' with { type: 'json' }` is typed as: "lax" and "username" widen to string.
    const widened = { signIn: 'POST /api/auth', cookies: { access: { name: 'session', sameSite: 'lax' as string } }, tokens: { subject: 'username' as string } }
    const input: ContractInput = widened
    expect(compileContract(input).tokens.subject).toBe('username')
    expect(() => compileContract({ ...widened, cookies: { access: { name: 's', sameSite: 'Lax' as string } } })).toThrow(/sameSite/)
  })

  it('describes the routes it defines', () => {
    expect(describeRoutes(compileContract(example('nextjs-route.json')))).toEqual([
      '  POST    /api/auth  signIn',
      '  GET     /api/auth  session',
      '  DELETE  /api/auth  signOut',
      'Cookies:     session (path /)',
      'Credentials: cookie session',
      'Token sub:   user.id',
    ])
  })

  it('keeps JS functions where templates go', () => {
    const contract = compileContract({ signIn: { route: 'POST /login', body: (v: { accessToken: string }) => ({ jwt: v.accessToken }) }, tokens: { claims: () => ({ tenant: 'acme' }) } })
    expect(contract.operations.signIn!.body({ accessToken: 't' })).toEqual({ jwt: 't' })
    expect(contract.tokens.claims!({ user: {} })).toEqual({ tenant: 'acme' })
  })

  it('refuses mistakes with a sentence naming the field and the fix', () => {
    const cases: Array<[unknown, string]> = [
      [[], 'Invalid contract my-backend.json: expected an object like {"signIn": "POST /auth/signin"}.'],
      [{}, 'Invalid contract my-backend.json: it defines no operation; add at least one of signIn, register, session, me, refresh, signOut, e.g. "signIn": "POST /auth/signin".'],
      [{ signUp: 'POST /x' }, 'Invalid contract my-backend.json: "signUp" is not an operation name; write "register".'],
      [{ sigIn: 'POST /x' }, 'Invalid contract my-backend.json: unknown field "sigIn"; known fields: name, description, credentials, cookies, tokens, errors, signIn, register, session, me, refresh, signOut.'],
      [{ signIn: 'POST auth' }, 'Invalid contract my-backend.json: "signIn.route" must be "METHOD /path", e.g. "POST /auth/signin" (got "POST auth").'],
      [{ signIn: 'FETCH /x' }, '"signIn.route" uses the method FETCH; use GET, POST, PUT, PATCH, DELETE.'],
      [{ signIn: 'POST /users/:id' }, '"signIn.route" must be a literal path: no query, fragment, wildcard or :parameter (got "/users/:id").'],
      [{ signIn: 'POST /__mock-auth/x' }, 'is under /__mock-auth, which the control API owns'],
      [{ signIn: 'POST /a', register: 'POST /a/' }, 'POST /a/ is the route of both signIn and register; give each operation its own route.'],
      [{ signIn: { body: {} } }, '"signIn.route" is missing: write e.g. "route": "POST /auth/signin".'],
      [{ signIn: { route: 'POST /a', stauts: 200 } }, '"signIn.stauts" is not an operation setting; use route, status, body, input, credentials, cookies, anonymous, errors.'],
      [{ signIn: { route: 'POST /a', status: 401 } }, '"signIn.status" must be a success status from 200 to 299.'],
      [{ signIn: { route: 'POST /a', body: { token: '{{acessToken}}' } } }, '"signIn.body.token" uses {{acessToken}}, which sign-in does not know'],
      [{ signOut: { route: 'POST /a', body: { t: '{{accessToken}}' } } }, '"signOut.body.t" uses {{accessToken}}, which sign-out does not know: sign-out knows {{revoked}}.'],
      [{ signIn: { route: 'POST /a', input: { user: 'email' } } }, '"signIn.input.user" is not an input of signIn; use login, password.'],
      [{ signIn: { route: 'POST /a', input: { login: [] } } }, '"signIn.input.login" must be a body field name such as "email", or a list of them tried in order.'],
      [{ me: { route: 'GET /a', anonymous: false } }, '"me.anonymous" applies only to session'],
      [{ refresh: { route: 'POST /r', input: { refreshToken: 'query:x' } } }, '"refresh.input.refreshToken[0]" is "query:x"; this value can come from body:NAME, cookie:NAME, header:NAME.'],
      [{ me: 'GET /me', credentials: ['cookie'] }, '"credentials[0]" needs a name, e.g. "cookie:session" (or define the cookie under "cookies").'],
      [{ me: 'GET /me', credentials: ['bearer:x'] }, '"credentials[0]" is "bearer:x": write just "bearer"'],
      [{ me: 'GET /me', cookies: { access: { name: 'bad name' } } }, '"cookies.access" cannot be a cookie'],
      [{ me: 'GET /me', cookies: { access: { name: 's', maxAge: '1h', expires: '1h' } } }, '"cookies.access" has both maxAge and expires'],
      [{ me: 'GET /me', cookies: { session: { name: 's' } } }, '"cookies.session" is not a cookie of the contract; use access (holds the access token) and refresh.'],
      [{ me: 'GET /me', cookies: { access: { name: 's', sameSite: 'Lax' } } }, '"cookies.access.sameSite" must be "lax", "strict", "none" or false.'],
      [{ me: 'GET /me', errors: { status: { bad_password: 400 } } }, '"errors.status.bad_password" is not an error code; use one of invalid_request,'],
      [{ me: 'GET /me', errors: { status: { invalid_token: 200 } } }, '"errors.status.invalid_token" must be an HTTP error status from 400 to 599.'],
      [{ me: 'GET /me', errors: { body: { c: '{{code}}' } } }, '"errors.body.c" uses {{code}}, which an error body does not know: an error body knows {{error}}, {{message}}, {{status}}, {{operation}}, {{retryAfter}}.'],
      [{ me: 'GET /me', tokens: { subject: 'phone' } } , '"tokens.subject" names the user field that becomes "sub": "id", "username" or "email" (got "phone").'],
      [{ me: 'GET /me', tokens: { claims: { sub: '{{user.email}}' } } }, '"tokens.claims.sub" is a registered claim the engine sets (RFC 7519 §4.1); choose the user field with "tokens.subject".'],
      [{ me: 'GET /me', tokens: { accessTokenTtl: '-1m' } }, '"tokens.accessTokenTtl" must be positive; use the "expired" scenario for expired tokens.'],
      [{ me: 'GET /me', tokens: { claims: { t: '{{accessToken}}' } } }, '"tokens.claims.t" uses {{accessToken}}, which a token claim does not know: a token claim knows {{user.<field>}}.'],
    ]
    for (const [input, message] of cases) {
      expect(bad(input), message).toThrow(message)
      try {
        compileContract(input, 'my-backend.json')
      } catch (error) {
        expect((error as { code: string }).code).toBe('ERR_INVALID_CONTRACT')
      }
    }
  })
})
