import { BETTER_AUTH_SECRET, betterAuthCases } from './cases-better-auth.js'
import { runContract } from './run-contract.js'

runContract('better-auth dialect', betterAuthCases, { dialect: 'better-auth', secret: BETTER_AUTH_SECRET })
