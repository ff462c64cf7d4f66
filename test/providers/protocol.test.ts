import { describe, expect, it } from 'vitest'
import { BoundedMap } from '../../src/core/bounded-map.js'
import { createProviderProtocol, resolveProviders } from '../../src/providers/index.js'
import { harness, ORIGIN, REDIRECT } from './support.js'

describe('provider configuration', () => {
  it('has google (OIDC) and github (OAuth 2.0) built in, with the seeded accounts', () => {
    const providers = resolveProviders()
    expect(providers.get('google')).toMatchObject({ kind: 'oidc', name: 'Google', accounts: [expect.objectContaining({ email: 'test@example.com', name: 'Test User' }), expect.anything()] })
    expect(providers.get('github')).toMatchObject({ kind: 'oauth2', accounts: [expect.objectContaining({ login: 'test', email: 'test@example.com', id: 1001 }), expect.anything()] })
  })

  it('adds providers as data and replaces a built-in of the same id', () => {
    const providers = resolveProviders([{ id: 'google', accounts: [{ email: 'only@example.com' }] }, { id: 'acme', kind: 'oidc', claims: { hd: 'acme.test' }, accounts: [{ email: 'a@acme.test', name: 'A' }] }])
    expect(providers.get('google')?.accounts.map((a) => a.email)).toEqual(['only@example.com'])
    expect(providers.get('acme')?.accounts[0]).toMatchObject({ sub: '100000000000000000001', login: 'a', claims: expect.objectContaining({ hd: 'acme.test', email_verified: true }) })
  })

  it('refuses bad provider data with a sentence naming the entry', () => {
    expect(() => resolveProviders([{ id: 'Bad Id', accounts: [{ email: 'a@b' }] }])).toThrow(/providers\[0\]: "id" must be lower-case/)
    expect(() => resolveProviders([{ id: 'x', kind: 'saml', accounts: [{ email: 'a@b' }] }])).toThrow(/"kind" must be "oidc" or "oauth2"/)
    expect(() => resolveProviders([{ id: 'x', accounts: [] }])).toThrow(/"accounts" must list at least one/)
    expect(() => resolveProviders([{ id: 'x', accounts: [{ email: 'a@b', exp: 1 }] }])).toThrow(/"exp" describes a token/)
    expect(() => resolveProviders([{ id: 'x', accounts: [{ email: 'a@b' }, { email: 'A@b' }] }])).toThrow(/two accounts share/)
    expect(() => resolveProviders([{ id: 'x', accounts: [{ email: 'a@b' }], clients: [{ clientId: 'c', redirectUris: ['/relative'] }] }])).toThrow(/absolute URLs/)
  })
})

describe('provider protocol', () => {
  it('passes requests outside /oidc/ through', async () => {
    const protocol = createProviderProtocol()
    expect(await protocol.fetch(new Request(`${ORIGIN}/api/auth/session`), { state: protocol.createState(), now: 0 })).toBeNull()
  })

  it('encodes a canned scenario error as a redirect at /authorize and as RFC 6749 §5.2 elsewhere', async () => {
    const h = harness()
    const authorize = new Request(`${ORIGIN}/oidc/google/authorize?response_type=code&client_id=app&redirect_uri=${encodeURIComponent(REDIRECT)}&state=s9`)
    const matched = h.protocol.match(authorize)
    if (!matched?.ok) throw new Error('no match')
    const denied = h.protocol.encodeError(authorize, matched.match, 'access_denied')
    const location = new URL(denied.headers.location!)
    expect(location.searchParams.get('error')).toBe('access_denied')
    expect(location.searchParams.get('state')).toBe('s9')
    const token = new Request(`${ORIGIN}/oidc/google/token`, { method: 'POST' })
    const tokenMatch = h.protocol.match(token)
    if (!tokenMatch?.ok) throw new Error('no match')
    const failed = h.protocol.encodeError(token, tokenMatch.match, 'server_error')
    expect(failed.status).toBe(500)
    expect(JSON.parse(failed.body!)).toMatchObject({ error: 'server_error', error_description: expect.any(String) })
  })

  it('keeps one RSA key per instance and lists it in every provider`s JWKS', async () => {
    const h = harness()
    const google = (await h.call('GET', '/oidc/google/jwks')).json() as { keys: Array<{ kid: string; kty: string }> }
    expect(google.keys).toHaveLength(1)
    expect(google.keys[0]?.kty).toBe('RSA')
    expect(JSON.stringify(google)).not.toMatch(/"d":/)
    const other = createProviderProtocol()
    expect((await other.keys()).kid).not.toBe(google.keys[0]?.kid)
  })
})

describe('BoundedMap', () => {
  it('forgets the oldest entry past its bound and reads expired entries as absent', () => {
    const map = new BoundedMap<{ expiresAt: number }>(2)
    map.set('a', { expiresAt: 10 })
    map.set('b', { expiresAt: 10 })
    map.set('c', { expiresAt: 10 })
    expect(map.size).toBe(2)
    expect(map.get('a', 0)).toBeUndefined()
    expect(map.get('c', 0)).toBeDefined()
    expect(map.get('c', 10)).toBeUndefined()
  })
})
