// Seed users are shared copy-on-write between namespaces: exact isolation is the contract.
import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { createEngine } from '../../src/core/engine.js'
import type { AuthResult } from '../../src/core/result.js'
import { SeedUsers } from '../../src/core/seed-users.js'
import { UserTable } from '../../src/core/user-table.js'
import { normalizeUsers } from '../../src/core/users.js'
import { restDialect } from '../../src/dialects/index.js'

const seedList = () =>
  normalizeUsers([
    { id: 'u1', username: 'ann', email: 'ann@example.com', password: 'pw1', roles: ['user'], claims: { tenant: { id: 'acme' } } },
    { id: 'u2', username: 'bob', password: 'pw2' },
  ])

describe('UserTable over shared seed users', () => {
  it('reads the seed, and changes stay in the table that made them', () => {
    const seed = new SeedUsers(seedList())
    const a = new UserTable(seed)
    const b = new UserTable(seed)
    expect(a.findByLogin('ANN@example.com')?.id).toBe('u1')
    expect(a.size).toBe(2)

    a.add({ id: 'u3', username: 'cat', password: 'pw3' })
    const renamed = a.update('u1', { username: 'anna', password: 'new', roles: ['admin'] })
    expect(a.remove('u2')).toBe(true)

    expect(renamed).toMatchObject({ id: 'u1', username: 'anna', password: 'new', roles: ['admin'] })
    expect(a.findByLogin('anna')?.id).toBe('u1')
    expect(a.findByLogin('ann')).toBeUndefined() // the seed's login index is stale for u1 here
    expect(a.findByLogin('ann@example.com')?.username).toBe('anna') // the email was kept
    expect(a.get('u2')).toBeUndefined()
    expect(a.findByLogin('bob')).toBeUndefined()
    expect([...a.keys()]).toEqual(['u1', 'u3'])
    expect(a.size).toBe(2)

    // The other table and the seed itself are untouched.
    expect(b.get('u1')).toMatchObject({ username: 'ann', password: 'pw1', roles: ['user'] })
    expect(b.findByLogin('ann')?.id).toBe('u1')
    expect(b.findByLogin('cat')).toBeUndefined()
    expect(b.get('u2')?.username).toBe('bob')
    expect([...b.keys()]).toEqual(['u1', 'u2'])
    expect(seed.get('u1')?.password).toBe('pw1')
  })

  it('freezes the seed deeply, so an in-place write throws instead of leaking into every namespace', () => {
    const seed = new SeedUsers(seedList())
    const user = new UserTable(seed).get('u1')!
    expect(() => {
      user.password = 'leak'
    }).toThrow(TypeError)
    expect(() => user.roles!.push('admin')).toThrow(TypeError)
    expect(() => {
      ;(user.claims!.tenant as { id: string }).id = 'evil'
    }).toThrow(TypeError)
    expect(new UserTable(seed).get('u1')).toMatchObject({ password: 'pw1', roles: ['user'], claims: { tenant: { id: 'acme' } } })
  })

  it('does not freeze the objects the caller passed in', () => {
    const claims = { tenant: { id: 'acme' } }
    const input = [{ username: 'ann', password: 'pw', roles: ['user'], claims }]
    new SeedUsers(normalizeUsers(input))
    claims.tenant.id = 'changed'
    input[0]!.roles.push('admin')
    expect(Object.isFrozen(claims)).toBe(false)
  })

  it('a changed copy does not share nested values with the seed', () => {
    const seed = new SeedUsers(seedList())
    const table = new UserTable(seed)
    const copy = table.update('u1', { name: 'Ann' })!
    copy.roles!.push('admin')
    ;(copy.claims!.tenant as { id: string }).id = 'other'
    expect(seed.get('u1')).toMatchObject({ roles: ['user'], claims: { tenant: { id: 'acme' } } })
    expect(table.update('nobody', { name: 'x' })).toBeUndefined()
    expect(table.remove('nobody')).toBe(false)
  })

  it('a re-added removed user and a re-registered login are found again', () => {
    const table = new UserTable(new SeedUsers(seedList()))
    table.remove('u2')
    table.add({ id: 'u9', username: 'bob', password: 'again' })
    expect(table.findByLogin('bob')?.id).toBe('u9')
    table.add({ id: 'u2', username: 'bobby', password: 'back' })
    expect(table.get('u2')?.username).toBe('bobby')
    expect(table.size).toBe(3)
  })
})

describe('namespaces over shared seed users', () => {
  const origin = 'http://localhost'
  const json = (r: AuthResult | null) => JSON.parse(r?.body ?? 'null')
  const post = (path: string, body: unknown, namespace: string) =>
    new Request(`${origin}/api/auth${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-mock-auth-namespace': namespace }, body: JSON.stringify(body) })

  it("a namespace's sign-up never shows in another, nor survives its reset", async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    expect((await engine.fetch(post('/register', { username: 'new', password: 'pw' }, 'a')))?.status).toBe(201)
    expect((await engine.fetch(post('/login', { username: 'new', password: 'pw' }, 'a')))?.status).toBe(200)
    expect(json(await engine.fetch(post('/login', { username: 'new', password: 'pw' }, 'b'))).error).toBe('invalid_credentials')
    expect(engine.namespace('b').store.users.size).toBe(2)
    expect(engine.namespace('a').store.users.size).toBe(3)

    engine.namespace('a').reset()
    expect(json(await engine.fetch(post('/login', { username: 'new', password: 'pw' }, 'a'))).error).toBe('invalid_credentials')
    expect((await engine.fetch(post('/register', { username: 'new', password: 'other' }, 'a')))?.status).toBe(201)
    expect(json(await engine.fetch(post('/login', { username: 'new', password: 'pw' }, 'a'))).error).toBe('invalid_credentials')

    engine.reset()
    expect([...engine.namespace('a').store.users.values()].map((u) => u.username)).toEqual(['test', 'admin'])
  })

  it("a namespace's change to a seed user stays in that namespace until its reset", async () => {
    const engine = createEngine({ dialect: restDialect, scenarios: builtinScenarios })
    engine.namespace('a').store.users.update('user123', { password: 'changed' })
    expect((await engine.fetch(post('/login', { username: 'test', password: 'changed' }, 'a')))?.status).toBe(200)
    expect((await engine.fetch(post('/login', { username: 'test', password: 'test' }, 'b')))?.status).toBe(200)
    expect((await engine.fetch(post('/login', { username: 'test', password: 'changed' }, 'b')))?.status).toBe(401)
    engine.namespace('a').reset()
    expect((await engine.fetch(post('/login', { username: 'test', password: 'test' }, 'a')))?.status).toBe(200)
  })
})
