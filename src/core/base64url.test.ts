import { base64url as joseEncode } from 'jose'
import { describe, expect, it } from 'vitest'
import { base64url } from './base64url.js'

describe('base64url', () => {
  it('matches jose for every length remainder and all byte values', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    for (let n = 0; n <= 40; n++) expect(base64url(bytes.subarray(n * 5, n * 5 + (n % 7)))).toBe(joseEncode.encode(bytes.subarray(n * 5, n * 5 + (n % 7))))
    expect(base64url(bytes)).toBe(joseEncode.encode(bytes))
    expect(base64url(new Uint8Array(0))).toBe('')
  })
})
