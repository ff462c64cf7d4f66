import { expect } from 'vitest'
import { send } from '../client.js'
import { JWT, verifyWithJwks, type ContractCase } from './support.js'

const TEST = { email: 'test@example.com', password: 'test' }

/** json-server-auth: `{ accessToken, user }`, errors as bare JSON strings with status 400. */
export const jsonServerAuthCases: ContractCase[] = [
  {
    name: 'POST /login and /signin answer { accessToken, user } and no cookie',
    async run({ t, see }) {
      for (const path of ['/login', '/signin']) {
        const res = see(`login ${path}`, await send(t, 'POST', path, { json: TEST }))
        expect(res.status).toBe(200)
        expect(res.body).toEqual({ accessToken: expect.stringMatching(JWT), user: { id: 'user123', email: 'test@example.com' } })
        expect(res.cookies).toEqual([])
        const claims = await verifyWithJwks(t, (res.body as { accessToken: string }).accessToken)
        expect(claims).toMatchObject({ sub: 'user123', email: 'test@example.com' })
        expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
      }
    },
  },
  {
    name: 'errors are bare JSON strings: "Incorrect password", "Email and password are required"',
    async run({ t, see }) {
      const wrong = see('wrong password', await send(t, 'POST', '/login', { json: { ...TEST, password: 'nope' } }))
      expect([wrong.status, wrong.body, wrong.headers['content-type']]).toEqual([400, 'Incorrect password', 'application/json'])
      // One answer for an unknown email too: the engine never teaches which emails exist.
      expect(see('unknown email', await send(t, 'POST', '/login', { json: { email: 'ghost@example.com', password: 'test' } })).body).toBe('Incorrect password')
      const missing = see('missing password', await send(t, 'POST', '/login', { json: { email: 'test@example.com' } }))
      expect([missing.status, missing.body]).toEqual([400, 'Email and password are required'])
      // The login field is `email`: a username in another field is not read.
      expect(see('username field', await send(t, 'POST', '/login', { json: { username: 'test', password: 'test' } })).status).toBe(400)
    },
  },
  {
    name: 'POST /register and /signup: 201 { accessToken, user }, then "Email already exists", then the login works',
    async run({ t, see }) {
      const created = see('register', await send(t, 'POST', '/register', { json: { email: 'olivier@mail.com', password: 'bestPassw0rd' } }))
      expect(created.status).toBe(201)
      expect(created.body).toEqual({ accessToken: expect.stringMatching(JWT), user: { id: expect.stringMatching(/^user-/), email: 'olivier@mail.com' } })
      const again = see('register again', await send(t, 'POST', '/signup', { json: { email: 'olivier@mail.com', password: 'x' } }))
      expect([again.status, again.body]).toEqual([400, 'Email already exists'])
      expect(see('register seeded', await send(t, 'POST', '/register', { json: TEST })).body).toBe('Email already exists')
      const login = see('login new user', await send(t, 'POST', '/login', { json: { email: 'olivier@mail.com', password: 'bestPassw0rd' } }))
      expect(login.body).toMatchObject({ user: { email: 'olivier@mail.com' } })
      expect(see('register missing', await send(t, 'POST', '/register', { json: { email: 'x@y.z' } })).body).toBe('Email and password are required')
    },
  },
  {
    name: 'scenarios apply unchanged: bad-credentials, locked, rate-limited, unavailable',
    async run({ t, see }) {
      await t.control.use('bad-credentials')
      expect(see('bad-credentials', await send(t, 'POST', '/login', { json: TEST })).body).toBe('Incorrect password')
      await t.control.use('locked')
      const locked = see('locked', await send(t, 'POST', '/login', { json: TEST }))
      expect([locked.status, locked.body]).toEqual([423, 'This account is locked.'])
      await t.control.use('rate-limited')
      const limited = see('rate-limited', await send(t, 'POST', '/login', { json: TEST }))
      expect([limited.status, limited.headers['retry-after']]).toEqual([429, '30'])
      await t.control.use('unavailable')
      expect(see('unavailable', await send(t, 'POST', '/login', { json: TEST })).status).toBe(503)
    },
  },
]
