import { expect, test } from '@playwright/test'
import { routedHeadersAreComplete, toFetchRequest } from '../../../src/testing/playwright-request.js'

// The fixture reads a routed request's `headers()` instead of `allHeaders()` (one round trip to
// the browser fewer per request) where the browser's routed headers are complete. That is a fact
// about Chromium, checked here in the browser the suite runs: every header `allHeaders()` sees,
// Cookie above all (HttpOnly, set by a response, by the page and by the test), `headers()` sees too.
test('a request routed in Chromium carries all its headers, cookies included, in headers()', async ({ context, page }) => {
  expect(routedHeadersAreComplete(context)).toBe(true)
  const seen: { url: string; method: string; missing: string[]; cookie: string | undefined; engineCookie: string | null }[] = []
  const answer = async (route: import('@playwright/test').Route, headers: Record<string, string>) => {
    const request = route.request()
    const all = await request.allHeaders()
    const fast = request.headers()
    const missing = Object.keys(all).filter((name) => !name.startsWith(':') && fast[name] !== all[name])
    const engineRequest = await toFetchRequest(request, true)
    seen.push({ url: new URL(request.url()).pathname, method: request.method(), missing, cookie: all.cookie, engineCookie: engineRequest.headers.get('cookie') })
    await route.fulfill({ status: 200, headers, body: '{}' })
  }
  await context.addCookies([{ name: 'from-test', value: '1', url: 'http://app.test/' }])
  await context.route('http://app.test/**', (route) =>
    route.request().url().endsWith('/')
      ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><h1>app</h1>' })
      : answer(route, route.request().url().endsWith('/login') ? { 'set-cookie': 'session=s1; HttpOnly; Path=/; SameSite=Lax' } : {}),
  )
  await context.route('http://api.test/**', (route) =>
    answer(route, { 'access-control-allow-origin': 'http://app.test', 'access-control-allow-credentials': 'true', 'access-control-allow-headers': 'content-type, authorization' }),
  )
  await page.goto('http://app.test/')
  await page.evaluate(async () => {
    document.cookie = 'from-page=2; path=/'
    await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"test"}' })
    await fetch('/api/auth/session')
    await fetch('/api/auth/me', { headers: { authorization: 'Bearer x' } })
    await fetch('http://api.test/api/auth/session', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' })
  })
  expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /api/auth/login', 'GET /api/auth/session', 'GET /api/auth/me', 'POST /api/auth/session'])
  for (const request of seen) {
    expect(request.missing, `${request.method} ${request.url}`).toEqual([])
    expect(request.engineCookie ?? undefined).toBe(request.cookie)
  }
  expect(seen[1]?.cookie).toContain('session=s1')
  expect(seen[1]?.cookie).toContain('from-page=2')
  expect(seen[1]?.cookie).toContain('from-test=1')
})
