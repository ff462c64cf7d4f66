import { describe, expect, it } from 'vitest'
import { compileTemplate, type PlaceholderScope } from './template.js'

const scope: PlaceholderScope = { names: ['accessToken', 'expiresIn', 'missing'], roots: ['user'], what: 'sign-in' }
const vars = { accessToken: 'eyJ.a.b', expiresIn: 900, user: { id: 'user123', roles: ['user'], email: 'test@example.com', nested: { deep: true } } }
const render = (template: unknown) => compileTemplate(template, 'signIn.body', scope, 'test.json')(vars)

describe('compileTemplate', () => {
  it('keeps JSON types for whole-value placeholders', () => {
    expect(render({ token: '{{accessToken}}', ttl: '{{expiresIn}}', roles: '{{user.roles}}', user: '{{user}}', deep: '{{ user.nested.deep }}' })).toEqual({
      token: 'eyJ.a.b',
      ttl: 900,
      roles: ['user'],
      user: vars.user,
      deep: true,
    })
  })

  it('interpolates placeholders inside text, values other than strings as JSON', () => {
    expect(render({ text: 'Bearer {{accessToken}}', mixed: '{{user.id}}:{{expiresIn}}:{{user.roles}}' })).toEqual({ text: 'Bearer eyJ.a.b', mixed: 'user123:900:["user"]' })
  })

  it('leaves out a key whose whole value is missing, null in arrays, empty text inside a string', () => {
    expect(render({ a: '{{missing}}', b: ['{{missing}}', 1], c: 'x{{missing}}y', d: '{{user.phone}}' })).toEqual({ b: [null, 1], c: 'xy' })
  })

  it('renders bare strings, numbers, booleans and null as written', () => {
    expect(render('{{user.email}}')).toBe('test@example.com')
    expect(render('Incorrect password')).toBe('Incorrect password')
    expect(render([1, true, null, { k: 'v' }])).toEqual([1, true, null, { k: 'v' }])
  })

  it('never reaches a prototype and keeps __proto__ keys as keys', () => {
    expect(render({ c: '{{user.constructor}}', p: '{{user.__proto__}}' })).toEqual({})
    const out = compileTemplate(JSON.parse('{"__proto__": {"admin": true}}'), 'x', scope, 't')(vars) as Record<string, unknown>
    expect(Object.keys(out)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('calls a function template with the values (JS configs)', () => {
    expect(compileTemplate((v: typeof vars) => ({ t: v.accessToken.length }), 'x', scope, 't')(vars)).toEqual({ t: 7 })
  })

  it('refuses unknown and malformed placeholders with a sentence naming the field', () => {
    expect(() => render({ user: { mail: '{{acessToken}}' } })).toThrow(
      'Invalid contract test.json: "signIn.body.user.mail" uses {{acessToken}}, which sign-in does not know: sign-in knows {{accessToken}}, {{expiresIn}}, {{missing}}, {{user.<field>}}.',
    )
    expect(() => render({ t: '{{accessToken.x}}' })).toThrow(/uses \{\{accessToken\.x\}\}/)
    expect(() => render({ t: '{{ two words }}' })).toThrow(/"signIn.body.t" has a malformed placeholder/)
    expect(() => render({ n: Number.NaN })).toThrow(/"signIn.body.n" must be a finite number/)
    expect(() => render({ f: () => 1 })).toThrow(/a function is allowed only for a whole template/)
  })
})
