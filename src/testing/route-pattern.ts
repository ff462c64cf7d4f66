import type { Engine } from '../core/kernel.js'
import { WELL_KNOWN_JWKS_PATH } from '../core/wire-names.js'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A RegExp over the URLs `engine` may answer: its mounts (the base path, each provider's
 * `/oidc/<id>`) and the well-known JWKS, on `origin` or any origin. Playwright sends a RegExp
 * route to the browser side, so the page's other requests (its HTML, scripts, styles, the app's
 * own API) are never paused and sent to Node to be asked; a function route intercepts every one
 * of them. It is a superset (any case, any subpath): the route's handler still asks the engine
 * and falls back for what it does not serve. A contract mounted at `''` claims every path.
 */
export function routePattern(engine: Engine, origin: string | undefined): RegExp {
  const paths = engine.mounts().map((mount) => mount.path)
  const path = paths.includes('') ? '/[^?#]*' : `(?:${escape(WELL_KNOWN_JWKS_PATH)}|${paths.map((p) => `${escape(p)}(?:/[^?#]*)?`).join('|')})`
  const host = origin === undefined ? '[a-z][a-z0-9+.-]*://[^/?#]+' : escape(origin)
  return new RegExp(`^${host}${path}(?:[?#].*)?$`, 'i')
}
