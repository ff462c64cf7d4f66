import { expect } from 'vitest'
import type { CaseContext } from './client.js'
import type { ContractResponse } from './transport.js'

export interface ContractCase {
  name: string
  run(ctx: CaseContext): Promise<void>
}

/** RFC 6750 §3: the challenge without `error` when no credential was presented. */
export const CHALLENGE = 'Bearer realm="mock-auth"'
/** ...and with `error="invalid_token"` and a description when one was. */
export const invalidChallenge = expect.stringMatching(/^Bearer realm="mock-auth", error="invalid_token", error_description="[^"]+"$/)

/** Every error code the cases produced; the suite checks this covers the whole contract. */
export const coveredCodes = new Set<string>()

/** A JSON error with a stable code, a sentence, no-store: the shape every error of the contract has. */
export function expectError(res: ContractResponse, status: number, error: string): void {
  expect(res.status).toBe(status)
  expect(res.body).toEqual(expect.objectContaining({ error, message: expect.any(String) }))
  expect((res.body as { message: string }).message.length).toBeGreaterThan(5)
  expect(res.headers['cache-control']).toBe('no-store')
  expect(res.headers['content-type']).toBe('application/json')
  coveredCodes.add(error)
}
