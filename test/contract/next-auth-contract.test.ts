import { authjsCases, cases as nextAuth, NEXT_AUTH_SECRET } from './cases-next-auth-versions.js'
import { runContract } from './run-contract.js'

runContract('next-auth dialect', nextAuth, { dialect: 'next-auth', secret: NEXT_AUTH_SECRET })
runContract('authjs dialect', authjsCases, { dialect: 'authjs', secret: NEXT_AUTH_SECRET })
