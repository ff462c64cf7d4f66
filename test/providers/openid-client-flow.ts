import { createRemoteJWKSet, customFetch as joseFetch, jwtVerify } from 'jose'
import * as client from 'openid-client'
import { expect } from 'vitest'

/** Where a provider is reached: the app origin it is served at, and the fetch that reaches it. */
export interface ProviderTarget {
  origin: string
  fetch: typeof fetch
}

/**
 * The whole relying-party flow with the real openid-client 6: discovery, an authorization URL
 * with PKCE, state and nonce, the authorize step (a GET that answers 302), the code grant, a
 * refresh, userinfo and the end-session URL; the id_token's signature checked with jose against
 * the provider's JWKS (openid-client does not verify it).
 */
export async function openIdClientFlow(target: ProviderTarget, options: { loginHint?: string; expectedSub: string }): Promise<void> {
  const issuer = new URL(`${target.origin}/oidc/google`)
  const redirectUri = 'http://localhost:3000/callback'
  const config = await client.discovery(issuer, 'rp-app', 'rp-secret', undefined, {
    execute: [client.allowInsecureRequests],
    [client.customFetch]: target.fetch as unknown as client.CustomFetch,
  })
  expect(config.serverMetadata().issuer).toBe(issuer.href)
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(options.loginHint === undefined ? {} : { login_hint: options.loginHint }),
  })
  const authorize = await target.fetch(url, { redirect: 'manual' })
  expect(authorize.status).toBe(302)
  const callback = new URL(authorize.headers.get('location')!)
  expect(callback.searchParams.get('iss')).toBe(issuer.href)

  const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce })
  const claims = tokens.claims()!
  expect(claims).toMatchObject({ sub: options.expectedSub, iss: issuer.href, aud: 'rp-app', nonce, email_verified: true })
  expect(typeof claims.email).toBe('string')
  const jwks = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!), { [joseFetch]: target.fetch })
  const verified = await jwtVerify(tokens.id_token!, jwks, { issuer: issuer.href, audience: 'rp-app', algorithms: ['RS256'] })
  expect(verified.payload.sub).toBe(options.expectedSub)

  const info = await client.fetchUserInfo(config, tokens.access_token, options.expectedSub)
  expect(info.sub).toBe(options.expectedSub)

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!)
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token)
  expect(refreshed.claims()?.sub).toBe(options.expectedSub)
  // The exchanged refresh token is spent: presenting it again is reuse, which revokes the family.
  await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' })
  await expect(client.fetchUserInfo(config, refreshed.access_token, options.expectedSub)).rejects.toThrow()

  const end = client.buildEndSessionUrl(config, { post_logout_redirect_uri: 'http://localhost:3000/bye', id_token_hint: tokens.id_token!, state: 'bye' })
  const ended = await target.fetch(end, { redirect: 'manual' })
  expect(ended.status).toBe(302)
  expect(ended.headers.get('location')).toBe('http://localhost:3000/bye?state=bye')
}
