import { isIP } from 'node:net'
import { MockAuthError } from '../core/kernel.js'

/**
 * Which `Host` names the server answers: names given here (compared case-insensitively), or
 * `true` for any. `localhost`, `*.localhost` (RFC 6761 §6.3: they always resolve to loopback) and
 * IP literals are always accepted.
 */
export type AllowedHosts = readonly string[] | true

/**
 * DNS rebinding: a page on `evil.example` re-points its own name at 127.0.0.1, and the browser
 * then treats the mock as same-origin with the attacker's page (no CORS stands in the way). The
 * request still carries `Host: evil.example`, so refusing unknown names stops it. An IP literal
 * cannot be rebound, and a missing Host (HTTP/1.0) comes from no browser.
 */
export function hostMatcher(allowed: AllowedHosts | undefined): (host: string | undefined) => boolean {
  if (allowed === true) return () => true
  const names = new Set((allowed ?? []).map((name) => normalizeName(name, true)))
  // A client sends the same Host on every request: the last one allowed is answered without
  // parsing it again (per matcher, so per server).
  let lastAllowed: string | undefined
  return (host) => {
    if (host === undefined || host === '' || host === lastAllowed) return true
    if (!allows(host)) return false
    lastAllowed = host
    return true
  }
  function allows(host: string): boolean {
    const name = hostName(host)
    if (name === undefined) return false
    if (name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0) return true
    return names.has(name)
  }
}

/** The name of a `Host` value (RFC 9110 §7.2: `uri-host [":" port]`), lower-cased, or undefined when malformed. */
export function hostName(host: string): string | undefined {
  const value = host.trim().toLowerCase()
  if (value.startsWith('[')) {
    const end = value.indexOf(']')
    if (end === -1 || !/^(?::\d*)?$/.test(value.slice(end + 1))) return undefined
    return value.slice(1, end)
  }
  const colon = value.lastIndexOf(':')
  const name = colon === -1 ? value : value.slice(0, colon)
  if (colon !== -1 && !/^\d*$/.test(value.slice(colon + 1))) return undefined
  return normalizeName(name, false)
}

/** A name without the trailing dot of a fully qualified name (`localhost.` is `localhost`). */
function normalizeName(name: string, strict: boolean): string {
  const normalized = name.trim().toLowerCase().replace(/\.$/, '')
  if (strict && !/^[a-z0-9.-]+$/.test(normalized)) {
    throw new MockAuthError('ERR_INVALID_OPTIONS', `Invalid allowed host "${name}": give a host name such as app.test (no scheme, port or path), or true to allow any.`)
  }
  return normalized
}
