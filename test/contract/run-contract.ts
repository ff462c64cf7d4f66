import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { observation, type CaseContext } from './client.js'
import type { ContractCase } from './expect-error.js'
import type { Transport, TransportOptions } from './transport.js'
import { transports } from './transports.js'

/**
 * Runs one case set over every transport (engine, Express, MSW) with the same options, then
 * checks every transport observed the same thing. Returns the observations for further checks.
 */
export function runContract(title: string, cases: readonly ContractCase[], options: TransportOptions): void {
  /** transport name → case name → what it observed, compared across transports at the end. */
  const observed = new Map<string, Map<string, unknown[]>>()

  describe.each(transports)(`${title} over $name`, (factory) => {
    let t: Transport
    const extra: Transport[] = []
    beforeAll(async () => {
      t = factory.create(options)
      await t.start()
    })
    afterAll(async () => {
      await t.stop()
    })
    beforeEach(async () => {
      await t.control.reset()
      await Promise.all(extra.splice(0).map((x) => x.stop()))
    })
    afterAll(async () => {
      await Promise.all(extra.splice(0).map((x) => x.stop()))
    })

    const byCase = new Map<string, unknown[]>()
    observed.set(factory.name, byCase)

    for (const c of cases) {
      it(c.name, async () => {
        const seen: unknown[] = []
        byCase.set(c.name, seen)
        const ctx: CaseContext = {
          t,
          see(label, response) {
            seen.push({ label, ...(observation(response) as object) })
            return response
          },
          async make(more: TransportOptions) {
            const other = factory.create({ ...options, ...more })
            await other.start()
            extra.push(other)
            return other
          },
        }
        await c.run(ctx)
      })
    }
  })

  describe(`${title}: every transport agrees`, () => {
    it('observed the same statuses, headers, cookies and body shapes', () => {
      const [first, ...others] = [...observed.entries()]
      expect(first, 'at least one transport ran').toBeDefined()
      expect(others.length, 'at least two transports to compare').toBeGreaterThan(0)
      for (const [name, byCase] of others) {
        for (const c of cases) expect(byCase.get(c.name), `${name} vs ${first?.[0]}: ${c.name}`).toEqual(first?.[1].get(c.name))
      }
    })
  })
}
