import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { compileContract } from '../../src/dialects/contract/index.js'
import type { CaseContext } from './client.js'
import { djangoSimpleJwtCases } from './contracts/django-simplejwt.js'
import { jsonServerAuthCases } from './contracts/json-server-auth.js'
import { nextjsRouteCases } from './contracts/nextjs-route.js'
import { contractObservation, exampleContract, type ContractCase } from './contracts/support.js'
import type { Transport, TransportOptions } from './transport.js'
import { transports } from './transports.js'

/** Each shipped example contract with its case table; every table runs over every transport. */
const tables: Array<{ file: string; cases: ContractCase[] }> = [
  { file: 'nextjs-route.json', cases: nextjsRouteCases },
  { file: 'json-server-auth.json', cases: jsonServerAuthCases },
  { file: 'django-simplejwt.json', cases: djangoSimpleJwtCases },
]

/** contract → transport → case → what it observed, compared across transports at the end. */
const observed = new Map<string, Map<string, Map<string, unknown[]>>>()

for (const { file, cases } of tables) {
  const contract = compileContract(exampleContract(file), `examples/contracts/${file}`)
  const byTransport = new Map<string, Map<string, unknown[]>>()
  observed.set(file, byTransport)

  describe.each(transports)(`contract ${file} over $name`, (factory) => {
    let t: Transport
    const options: TransportOptions = { contract }
    beforeAll(async () => {
      t = factory.create(options)
      await t.start()
    })
    afterAll(async () => {
      await t.stop()
    })
    beforeEach(async () => {
      await t.control.reset()
    })

    const byCase = new Map<string, unknown[]>()
    byTransport.set(factory.name, byCase)
    for (const c of cases) {
      it(c.name, async () => {
        const seen: unknown[] = []
        byCase.set(c.name, seen)
        const ctx: CaseContext = {
          t,
          see(label, response) {
            seen.push({ label, ...(contractObservation(response) as object) })
            return response
          },
          make: () => Promise.reject(new Error('contract cases use one transport')),
        }
        await c.run(ctx)
      })
    }
  })

  describe(`contract ${file}: every transport agrees`, () => {
    it('observed the same statuses, headers, cookies and body shapes', () => {
      const [first, ...others] = [...byTransport.entries()]
      expect(others.length, 'at least two transports to compare').toBeGreaterThan(0)
      for (const [name, byCase] of others) {
        for (const c of cases) expect(byCase.get(c.name), `${name} vs ${first?.[0]}: ${c.name}`).toEqual(first?.[1].get(c.name))
      }
    })
  })
}
