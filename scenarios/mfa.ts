import { defineScenario } from '../src/core/scenario.js'

/** The documented code: any user's challenge accepts it under this scenario, besides a real TOTP code. */
export const MFA_FIXED_CODE = '000000'

export const mfa = defineScenario({
  name: 'mfa',
  description: `Every password sign-in asks for a second factor; the code ${MFA_FIXED_CODE} (or the user's TOTP) answers it.`,
  requireMfa: { fixedCode: MFA_FIXED_CODE },
})
