import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http'
import type { Express } from 'express'

/**
 * node:http server options under which every request and response is born with the Express
 * app's own prototypes (`app.request`, `app.response`), through Node's documented
 * `IncomingMessage` / `ServerResponse` options. Express's `app.handle` still sets those
 * prototypes on each request, and runs its router and our middleware as before; the set is then a
 * no-op, because the prototype is already the one it sets.
 *
 * Why: `Object.setPrototypeOf` on a live `req` and `res` made everything Node did with them
 * afterwards slower (`writeHead`, `end`, the socket write, the request's listeners): an Express 5
 * hello world on this machine cost 120-210 us of server CPU per request with `createServer(app)`
 * and 45-60 us with these options, the bare node:http floor being ~37 us (bench/README.md, "Sixth
 * session (rowcost)"). Only `listen()` uses them; an app mounted with `yourApp.use(app)` runs on
 * its host's objects, exactly as before.
 */
export function expressServerOptions(app: Express): ServerOptions {
  return {
    IncomingMessage: bornWith(IncomingMessage, app.request),
    ServerResponse: bornWith(ServerResponse, app.response),
  }
}

/**
 * A constructor that runs `base`'s on the new object and gives it `prototype` (which inherits from
 * `base.prototype`, as Express's do). Node's two are plain functions, called on `this`:
 * `Reflect.construct` with a new target, tried first, made objects that cost 250-300 us per hello
 * request, more than the prototype swap it avoids. Should a Node make them classes (which cannot
 * be called), Node's own constructors are kept and Express swaps the prototypes as it always did.
 */
function bornWith<T extends Function>(base: T, prototype: object): T {
  if (Function.prototype.toString.call(base).startsWith('class')) return base
  // Two arguments at most: `IncomingMessage(socket)`, `ServerResponse(req, options)`.
  const construct = base as unknown as (this: object, first: unknown, second: unknown) => void
  function Born(this: object, first: unknown, second: unknown): void {
    construct.call(this, first, second)
  }
  Born.prototype = prototype
  return Born as unknown as T
}
