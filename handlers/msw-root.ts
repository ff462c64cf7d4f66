import { HttpHandler, HttpResponse } from 'msw'
import type { AuthResult, Engine } from '../src/core/index.js'
import { createHandlersWith, type HandlerOptions } from './create-handlers.js'
import { createMockAuthWith, type MockAuth, type MockAuthOptions, type MockAuthWiring } from './create-mock-auth.js'
import type { MswKit } from './msw-kit.js'
import { toMswResponseWith, type CookieMode } from './to-msw-response.js'

/**
 * The public handler functions over msw's root exports: what `mock-auth`, `mock-auth/handlers`
 * and `mock-auth/browser` use. Node's Vitest path avoids this module (see msw-kit.ts).
 */
export const rootKit: MswKit = { HttpHandler, HttpResponse }

/**
 * A mock auth backend as msw handlers. Everything (keys, users, sessions, scenario, clock) lives
 * in this instance: two instances never share anything.
 */
export function createMockAuth(options: MockAuthOptions = {}, wiring: MockAuthWiring = {}): MockAuth {
  return createMockAuthWith(rootKit, options, wiring)
}

/** One msw handler per route path, then JWKS and the 404 catch-all (see `createHandlersWith`). */
export function createHandlers(engine: Engine, options: HandlerOptions = {}): ReturnType<typeof createHandlersWith> {
  return createHandlersWith(rootKit, engine, options)
}

/** An engine result as an msw response (see `toMswResponseWith`). */
export function toMswResponse(result: AuthResult, mode: CookieMode): Promise<Response> {
  return toMswResponseWith(rootKit, result, mode)
}
