// Tokens the engine signs are recorded as verified (tokens.ts `recordIssued`): the first session
// check after a sign-in must not run jose, and everything a forger could send still must.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine } from '../../src/core/engine.js'
import { withSigner } from '../../src/core/keys.js'
import type { AuthResult } from '../../src/core/result.js'
import { restDialect } from '../../src/dialects/index.js'

const calls = vi.hoisted(() => ({ verify: 0 }))
vi.mock('jose/jwt/verify', async (importOriginal) => {
  const original = await importOriginal<typeof import('jose/jwt/verify')>()
  return {
    ...original,
    jwtVerify: (...args: Parameters<typeof original.jwtVerify>) => {
      calls.verify++
      return original.jwtVerify(...args)
    },
  }
})

const origin = 'http://localhost'
const json = (r: AuthResult | null) => JSON.parse(r?.body ?? 'null')
const signIn = (username = 'test') =>
  new Request(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: username }) })
const withToken = (path: string, token: string) => new Request(`${origin}/api/auth${path}`, { headers: { authorization: `Bearer ${token}` } })
const signOut = (token: string) => new Request(`${origin}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })

/** Flips one character of the token's part `index` (0 header, 1 payload, 2 signature). */
function alter(token: string, index: number): string {
  const parts = token.split('.')
  const part = parts[index]!
  const at = Math.floor(part.length / 2)
  parts[index] = part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1)
  return parts.join('.')
}

async function signedIn(engine: ReturnType<typeof createEngine>, username = 'test') {
  return json(await engine.fetch(signIn(username))).accessToken as string
}

afterEach(() => {
  calls.verify = 0
})

describe('tokens the engine signed', () => {
  it('pass their first session check and /me without a jose verification', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    await signedIn(engine) // the first token of a key set is verified for real (the signer is checked once)
    calls.verify = 0
    const token = await signedIn(engine)
    const session = await engine.fetch(withToken('/session', token))
    expect(json(session)).toMatchObject({ authenticated: true, user: { id: 'user123' } })
    expect((await engine.fetch(withToken('/me', token)))?.status).toBe(200)
    expect(calls.verify).toBe(0)
  })

  it('report the same claims as a verified token would', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    await signedIn(engine)
    const token = await signedIn(engine, 'admin')
    const cached = json(await engine.fetch(withToken('/session', token)))
    const elsewhere = createEngine({ dialect: restDialect, scenarios: builtinScenarios, keys: engine.keys() })
    // A second engine over the same keys never signed it: it verifies it with jose.
    calls.verify = 0
    const verified = await elsewhere.fetch(withToken('/session', token))
    expect(calls.verify).toBe(1)
    expect(verified?.status).toBe(401) // no such session there; the signature was fine:
    expect(json(verified).message).toMatch(/signed out or revoked/)
    expect(cached).toMatchObject({ authenticated: true, user: { id: 'admin1', roles: ['admin', 'user'] } })
  })

  it('altered in any part, go through jose and are refused', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    await signedIn(engine)
    const token = await signedIn(engine)
    for (const index of [0, 1, 2]) {
      calls.verify = 0
      const answer = await engine.fetch(withToken('/session', alter(token, index)))
      expect(answer?.status).toBe(401)
      expect(calls.verify).toBe(1)
    }
    // A prefix or suffix of our token is another key too.
    for (const forged of [`${token}A`, token.slice(0, -1), `${token.split('.').slice(0, 2).join('.')}.`]) {
      expect((await engine.fetch(withToken('/session', forged)))?.status).toBe(401)
    }
  })

  it('signed by another engine are verified and refused', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    const foreign = await signedIn(createEngine({ dialect: restDialect, scenarios: builtinScenarios }))
    calls.verify = 0
    expect((await engine.fetch(withToken('/session', foreign)))?.status).toBe(401)
    expect(calls.verify).toBe(1)
  })

  it('die with their session although their claims are cached (revocation is checked every request)', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    const token = await signedIn(engine)
    expect((await engine.fetch(withToken('/me', token)))?.status).toBe(200)
    expect((await engine.fetch(signOut(token)))?.status).toBe(200)
    expect((await engine.fetch(withToken('/me', token)))?.status).toBe(401)
    expect(json(await engine.fetch(withToken('/session', token))).message).toMatch(/signed out or revoked/)
  })

  it('still expire on the engine clock', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios, accessTokenTtl: '1m' })
    const token = await signedIn(engine)
    engine.namespace().clock.advance('2m')
    expect(json(await engine.fetch(withToken('/session', token))).error).toBe('token_expired')
  })

  it('are never cached unverified when the injected signer signs wrongly', async () => {
    const keys = createEngine({ dialect: restDialect, scenarios: builtinScenarios }).keys()
    // A signer that returns a valid-looking but wrong ES256 signature (64 bytes).
    const broken = keys.then((k) => withSigner(k, () => () => new Uint8Array(64).fill(7)))
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios, keys: broken })
    for (let i = 0; i < 3; i++) {
      const token = await signedIn(engine)
      calls.verify = 0
      expect((await engine.fetch(withToken('/session', token)))?.status).toBe(401)
      expect(calls.verify).toBe(1)
    }
  })

  it('are evicted with the bound and then verified again, still accepted', async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    const first = await signedIn(engine)
    // The cache holds 10,000 tokens; resetting the engine forgets them all (as would eviction).
    const ctx = await engine.context(new Request(origin), engine.namespace(), engine.namespace().scenario)
    expect(ctx.cache.get(first)).toBeDefined()
    expect(ctx.cache.limit).toBe(10_000)
    ctx.cache.clear()
    calls.verify = 0
    expect((await engine.fetch(withToken('/me', first)))?.status).toBe(200)
    expect(calls.verify).toBe(1)
  })
})
