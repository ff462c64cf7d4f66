import type { Request } from '@playwright/test'
import { describe, expect, it } from 'vitest'
import { emptyResult, jsonResult } from '../../src/core/index.js'
import { hopRedirect } from '../../src/testing/navigation-hop.js'

/** Just what hopRedirect reads of Playwright's Request. */
const request = (url: string, { navigation = true, method = 'GET' } = {}) => ({ url: () => url, method: () => method, isNavigationRequest: () => navigation }) as unknown as Request
const mock = (url: URL) => url.pathname.startsWith('/api/auth') || url.pathname.startsWith('/oidc')

describe('hopRedirect (the fixture keeps a mock-to-mock navigation visible to its route)', () => {
  it('a navigation redirected to another mock URL becomes a 200 page that goes on with location.replace, cookies kept', () => {
    const redirect = emptyResult(302, { location: '/oidc/google/authorize?state=a</script>' })
    redirect.cookies = ['session=x; Path=/; HttpOnly']
    const hop = hopRedirect(redirect, request('http://app.localhost:3000/api/auth/signin/google'), mock)
    expect(hop.status).toBe(200)
    expect(hop.headers.location).toBeUndefined()
    expect(hop.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(hop.cookies).toEqual(['session=x; Path=/; HttpOnly'])
    // The URL parser percent-encodes `<` already; the script is closed only once.
    expect(hop.body).toContain('location.replace("http://app.localhost:3000/oidc/google/authorize?state=a%3C/script%3E")')
    expect(hop.body?.split('</script>')).toHaveLength(2)
  })

  it('keeps the real answer for a fetch, a redirect to the app, a POST 307, and a non-redirect', () => {
    const to = (location: string, status = 302) => emptyResult(status, { location })
    const url = 'http://localhost:3000/api/auth/callback/google'
    expect(hopRedirect(to('/oidc/google/authorize'), request(url, { navigation: false }), mock).status).toBe(302)
    expect(hopRedirect(to('/dashboard'), request(url), mock).status).toBe(302)
    expect(hopRedirect(to('/api/auth/x', 307), request(url, { method: 'POST' }), mock).status).toBe(307)
    expect(hopRedirect(to('/api/auth/x', 307), request(url), mock).status).toBe(200)
    expect(hopRedirect(jsonResult(200, { ok: true }), request(url), mock).status).toBe(200)
    expect(hopRedirect(jsonResult(200, { ok: true }), request(url), mock).body).toBe('{"ok":true}')
  })
})
