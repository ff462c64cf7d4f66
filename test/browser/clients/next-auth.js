// A page on next-auth v4's real, unmodified client (`next-auth/react`), bundled by Vite at test time.
import * as client from 'next-auth/react'
import { nextAuthActions } from './next-auth-actions.js'

export const actions = nextAuthActions(client)
