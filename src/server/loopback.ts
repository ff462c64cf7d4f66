import { isIP } from 'node:net'

/**
 * True when binding `host` keeps the server on this machine: `localhost`, 127.0.0.0/8 and ::1
 * (RFC 5735 §3, RFC 4291 §2.5.3), also as an IPv4-mapped address. `0.0.0.0` and `::` listen on
 * every interface, so the control API would be reachable from the network.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return true
  const v4 = name.startsWith('::ffff:') ? name.slice(7) : name
  if (isIP(v4) === 4) return v4.startsWith('127.')
  return isIP(name) === 6 && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(name)
}
