// A page on Auth.js v5's real, unmodified client (next-auth 5 beta's `next-auth/react`, installed
// under the npm alias next-auth-v5), bundled by Vite at test time.
import * as client from 'next-auth-v5/react'
import { nextAuthActions } from './next-auth-actions.js'

export const actions = nextAuthActions(client)
