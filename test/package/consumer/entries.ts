// Type-checked in a consumer project against the packed tarball (test/package/run.mjs), under
// moduleResolution bundler, node16 and nodenext, with skipLibCheck false and no @types/express.
// Every public entry is imported and used, so a type that leaks a dependency's types (or an entry
// whose types do not resolve) fails here as it would in a team's project.
import { createServer as createHttpServer } from 'node:http'
import { defineConfig } from '@playwright/test'
import { setupServer } from 'msw/node'
import { createHandlers as rootHandlers, createMockAuth, defineScenario, MockAuthError, type MockAuth } from 'mock-auth'
import { createEngine, type AuthResult, type Engine } from 'mock-auth/core'
import { DIALECT_NAMES, resolveDialect, type DialectName } from 'mock-auth/dialects'
import { builtinScenarioNames, builtinScenarios } from 'mock-auth/scenarios'
import { createHandlers, type HandlerOptions } from 'mock-auth/handlers'
import { createServer, type MockAuthApp, type MockAuthServer, type RunningServer } from 'mock-auth/server'
import { createMockAuth as createNodeMockAuth, nodeSigner } from 'mock-auth/node'
import { createBrowserMockAuth, type BrowserMockAuth } from 'mock-auth/browser'
import { setupMockAuth, type VitestMockAuth } from 'mock-auth/vitest'
import { expect, test, type MockAuthTestOptions, type PlaywrightMockAuth } from 'mock-auth/playwright'
import { isMockAuthError, type MockAuthErrorCode } from 'mock-auth/errors'

const scenario = defineScenario({ name: 'consumer-slow', description: 'A consumer scenario.', delay: '10ms' })
const mockAuth: MockAuth = createMockAuth({ scenarios: [scenario] })
mockAuth.use('consumer-slow')
const engine: Engine = createEngine({ scenarios: builtinScenarios, dialect: resolveDialect('rest') })
const options: HandlerOptions = { baseUrl: 'http://localhost:3000/api/auth' }
setupServer(...createHandlers(engine, options), ...rootHandlers(engine))
const answer: Promise<AuthResult | null> = engine.fetch(new Request('http://localhost/api/auth/session'))
void answer
const dialect: DialectName = DIALECT_NAMES[0]
void resolveDialect(dialect)
void builtinScenarioNames.includes('expired')

// The server's app mounts in Node's own server (and in Express) without Express's types.
const server: MockAuthServer = createServer({ signer: nodeSigner })
const app: MockAuthApp = server.app
createHttpServer(server.app)
const running: Promise<RunningServer> = server.listen({ port: 0 })
void running.then((r) => r.close())
void app

void createNodeMockAuth().handlers
const browser: (() => BrowserMockAuth) = () => createBrowserMockAuth({ baseUrl: '/api/auth' })
void browser
const vitest: () => VitestMockAuth = () => setupMockAuth({ listen: { onUnhandledRequest: 'error' } })
void vitest

// The Playwright fixture, and its server mode as docs/playwright.md writes the config.
test('signs in', async ({ page, mockAuth: auth }) => {
  const fixture: PlaywrightMockAuth = auth
  await fixture.signIn('test')
  await page.goto('/')
  expect((await fixture.use('expired')).name).toBe('expired')
})
export const config = defineConfig<MockAuthTestOptions>({
  use: { baseURL: 'http://localhost:5173', mockAuthUrl: 'http://127.0.0.1:4000' },
})

const code: MockAuthErrorCode = 'ERR_UNKNOWN_SCENARIO'
try {
  mockAuth.use('nope')
} catch (error) {
  if (isMockAuthError(error) && error.code === code && error instanceof MockAuthError) console.log(error.message)
}
