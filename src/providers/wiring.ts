import type { MountedProtocol, SocialProvider } from '../core/index.js'
import { providerMounts } from './mounts.js'
import { createProviderProtocol } from './protocol.js'
import type { ProviderCrypto } from './provider-crypto.js'
import { socialProviders } from './social.js'
import type { ProviderInput } from './types.js'

/** What the engine is given for the providers: their mounts at `/oidc/<id>` and the dialects' view of them. */
export interface ProviderWiring {
  protocols: MountedProtocol[]
  socialProviders: SocialProvider[]
}

/**
 * The engine options that serve the mock identity providers: the built-ins (`google`, `github`)
 * plus `inputs` (a same id replaces a built-in); `false` serves none. One protocol instance per
 * call, so each engine has its own keys and nothing is shared. `platform`: a faster signer and
 * digest from a platform entry (node:crypto in `serve`), else WebCrypto.
 */
export function providerWiring(inputs: readonly ProviderInput[] | readonly unknown[] | false | undefined, platform: ProviderCrypto = {}): ProviderWiring {
  if (inputs === false) return { protocols: [], socialProviders: [] }
  const protocol = createProviderProtocol(inputs ?? [], platform)
  return { protocols: providerMounts(protocol), socialProviders: socialProviders(protocol) }
}
