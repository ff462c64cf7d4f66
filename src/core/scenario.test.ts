import { describe, expect, it } from 'vitest'
import { builtinScenarios } from '../../scenarios/index.js'
import { defineScenario, scenarioResponse, validateScenario } from './scenario.js'

describe('scenarios as data', () => {
  it('every built-in scenario validates and has a one-line description', () => {
    for (const scenario of builtinScenarios) {
      expect(() => validateScenario(scenario)).not.toThrow()
      expect(scenario.description).not.toMatch(/\n/)
    }
    expect(builtinScenarios.map((s) => s.name)).toEqual(
      expect.arrayContaining(['default', 'bad-credentials', 'expired', 'refresh-expired', 'short-lived', 'locked', 'rate-limited', 'server-error', 'unavailable', 'slow', 'network-error']),
    )
  })

  it('says what is wrong with a bad scenario', () => {
    expect(() => validateScenario({ name: 'Bad Name', description: 'x' })).toThrow(/lower-case/)
    expect(() => validateScenario({ name: 'x', description: 'x', respnd: {} })).toThrow(/unknown field "respnd"/)
    expect(() => validateScenario({ name: 'x', description: 'x', respond: { login: { error: 'server_error' } } })).toThrow(/not a route/)
    expect(() => validateScenario({ name: 'x', description: 'x', respond: { signIn: { error: 'oops' } } })).toThrow(/error code/)
    expect(() => validateScenario({ name: 'x', description: 'x', tokens: { accessTokenTtl: 'soon' } })).toThrow(/accessTokenTtl "soon": use a number/)
    expect(() => defineScenario({ name: 'x', description: '' })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_SCENARIO' }))
    expect(() => validateScenario({ name: 'x', description: 'x', delay: -5 })).toThrow(/delay -5: a delay cannot be negative/)
    expect(defineScenario({ name: 'x', description: 'x', delay: 0 }).delay).toBe(0)
  })

  it('a "*" answer spares the routes it excepts', () => {
    const s = defineScenario({ name: 'x', description: 'x', respond: { '*': { error: 'server_error', except: ['jwks'] }, me: { error: 'unauthenticated' } } })
    expect(scenarioResponse(s, 'jwks')).toBeUndefined()
    expect(scenarioResponse(s, 'session')?.error).toBe('server_error')
    expect(scenarioResponse(s, 'me')?.error).toBe('unauthenticated')
  })
})
