import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode } from '../base32.js'
import { hotp, totp, totpCode, verifyTotp, type TotpAlgorithm } from './totp.js'

const ascii = (s: string) => new TextEncoder().encode(s)

// RFC 6238 Appendix B: the seeds are these ASCII strings (20, 32 and 64 bytes for SHA-1/256/512).
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  'SHA-1': ascii('12345678901234567890'),
  'SHA-256': ascii('12345678901234567890123456789012'),
  'SHA-512': ascii('1234567890123456789012345678901234567890123456789012345678901234'),
}

const VECTORS: Array<[number, string, string, string]> = [
  // time (s), SHA-1, SHA-256, SHA-512 — 8 digits, X = 30, T0 = 0
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
]

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, sha1, sha256, sha512] of VECTORS) {
    it(`matches Appendix B at T=${seconds}`, async () => {
      expect(await totp(SEEDS['SHA-1'], seconds * 1000, { digits: 8 })).toBe(sha1)
      expect(await totp(SEEDS['SHA-256'], seconds * 1000, { digits: 8, algorithm: 'SHA-256' })).toBe(sha256)
      expect(await totp(SEEDS['SHA-512'], seconds * 1000, { digits: 8, algorithm: 'SHA-512' })).toBe(sha512)
    })
  }

  it('matches the HOTP values of RFC 4226 Appendix D', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']
    const codes = await Promise.all(expected.map((_, counter) => hotp(SEEDS['SHA-1'], counter)))
    expect(codes).toEqual(expected)
  })

  it('verifies a code from one step back or ahead, not two, and nothing malformed', async () => {
    const secret = base32Encode(SEEDS['SHA-1'])
    const now = 1_700_000_000_000
    const at = (steps: number) => totpCode(secret, now + steps * 30_000)
    expect(await verifyTotp(secret, await at(0), now)).toBe(true)
    expect(await verifyTotp(secret, await at(-1), now)).toBe(true)
    expect(await verifyTotp(secret, await at(1), now)).toBe(true)
    // At this instant the codes two steps away differ from the three in the window (checked first).
    const inWindow = [await at(-1), await at(0), await at(1)]
    for (const code of [await at(-2), await at(2)]) {
      expect(inWindow).not.toContain(code)
      expect(await verifyTotp(secret, code, now)).toBe(false)
    }
    expect(await verifyTotp(secret, '12345', now)).toBe(false)
    expect(await verifyTotp(secret, 'abcdef', now)).toBe(false)
    expect(await verifyTotp('not base32!', '123456', now)).toBe(false)
  })

  it('decodes base32 as authenticator apps write it (lower case, spaces, padding)', () => {
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toEqual(SEEDS['SHA-1'])
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(SEEDS['SHA-1'])
    expect(base32Decode('MZXW6===')).toEqual(ascii('foo'))
    expect(base32Decode('MZXW1')).toBeUndefined()
    expect(base32Encode(ascii('foobar'))).toBe('MZXW6YTBOI')
  })

  it('refuses a secret that is not base32 with a sentence saying so', async () => {
    await expect(totpCode('0000', 0)).rejects.toThrow(/base32/)
  })

  it('takes the time as epoch ms or a Date, defaults to the real time, and refuses an invalid one', async () => {
    const secret = base32Encode(SEEDS['SHA-1'])
    const now = 1_700_000_000_000
    expect(await totpCode(secret, new Date(now))).toBe(await totpCode(secret, now))
    // The default is Date.now(): the code it gives verifies at the real time (one step of tolerance either side).
    expect(await verifyTotp(secret, await totpCode(secret), Date.now())).toBe(true)
    await expect(totpCode(secret, new Date('nope'))).rejects.toThrow(/valid Date.*clock\.now/)
    await expect(totpCode(secret, Number.NaN)).rejects.toThrow(TypeError)
  })
})
