import type { StateSummary } from '../../../src/core/index.js'
import { send } from './client.js'
import type { Target } from './target.js'

/**
 * Test control per namespace: over the HTTP control API where the target has one (Express), else
 * straight on the engine (what msw's `mockAuth.scope(ns)` controls do).
 */
export async function stateOf(target: Target, namespace: string): Promise<StateSummary> {
  if (target.name !== 'express') return target.engine.namespace(namespace).summary()
  const reply = await send(target, 'GET', '/__mock-auth/state', { headers: { 'x-mock-auth-namespace': namespace } })
  if (reply.status !== 200) throw new Error(`GET /__mock-auth/state answered ${reply.status} ${reply.text}`)
  return reply.json as StateSummary
}

export async function useScenario(target: Target, namespace: string, name: string): Promise<void> {
  if (target.name !== 'express') {
    target.engine.namespace(namespace).use(name)
    return
  }
  const reply = await send(target, 'PUT', '/__mock-auth/scenario', { body: { name }, headers: { 'x-mock-auth-namespace': namespace } })
  if (reply.status !== 200) throw new Error(`PUT /__mock-auth/scenario answered ${reply.status} ${reply.text}`)
}

export async function advanceClock(target: Target, namespace: string, by: string): Promise<void> {
  if (target.name !== 'express') {
    target.engine.namespace(namespace).clock.advance(by)
    return
  }
  const reply = await send(target, 'POST', '/__mock-auth/clock', { body: { advance: by }, headers: { 'x-mock-auth-namespace': namespace } })
  if (reply.status !== 200) throw new Error(`POST /__mock-auth/clock answered ${reply.status} ${reply.text}`)
}
