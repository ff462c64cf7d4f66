import { describe, expect, it } from 'vitest'
import { ALL_CODES, cases, CONTRACT_SCENARIOS, coveredCodes } from './cases.js'
import { runContract } from './run-contract.js'

runContract('contract', cases, { scenarios: CONTRACT_SCENARIOS })

describe('the REST contract', () => {
  it('covers every error code of the contract', () => {
    const missing = ALL_CODES.filter((code) => !coveredCodes.has(code))
    expect(missing).toEqual([])
  })
})
