import { createRemoteJWKSet, errors, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type RunningServer } from '../../src/server/index.js'

/** docs/verifying-tokens.md, run: an app's own verifier over tokens from a real `serve`. */
describe('docs/verifying-tokens.md', () => {
  let es: RunningServer
  let hs: RunningServer
  const secret = 'a-shared-secret-of-at-least-32-chars!'
  beforeAll(async () => {
    es = await createServer({ issuer: 'https://auth.local.test', audience: 'my-app' }).listen({ port: 0 })
    hs = await createServer({ keyOptions: { alg: 'HS256', secret } }).listen({ port: 0 })
  })
  afterAll(async () => {
    await Promise.all([es.close(), hs.close()])
  })

  const login = async (server: RunningServer) =>
    ((await (await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test","password":"test"}' })).json()) as { accessToken: string }).accessToken
  const authClock = async (server: RunningServer) => new Date(((await (await fetch(`${server.url}/__mock-auth/clock`)).json()) as { now: string }).now)

  it('the JWKS way verifies, and the clock caveat holds: real time accepts what the mock expired, currentDate from /clock refuses it', async () => {
    const token = await login(es)
    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', es.url))
    const options = { issuer: 'https://auth.local.test', audience: 'my-app', algorithms: ['ES256'], typ: 'at+jwt' }
    expect((await jwtVerify(token, jwks, { ...options, currentDate: await authClock(es) })).payload.sub).toBe('user123')
    await fetch(`${es.url}/__mock-auth/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance":"16m"}' })
    expect((await fetch(`${es.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401)
    await expect(jwtVerify(token, jwks, options)).resolves.toBeDefined()
    await expect(jwtVerify(token, jwks, { ...options, currentDate: await authClock(es) })).rejects.toBeInstanceOf(errors.JWTExpired)
  })

  it('the HS256 way verifies with the shared secret and pinned algorithm; the JWKS is empty', async () => {
    const token = await login(hs)
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { issuer: 'https://mock-auth.invalid', audience: 'mock-auth', algorithms: ['HS256'], currentDate: await authClock(hs) })
    expect(payload.username).toBe('test')
    expect(await (await fetch(`${hs.url}/api/auth/jwks`)).json()).toEqual({ keys: [] })
  })
})
