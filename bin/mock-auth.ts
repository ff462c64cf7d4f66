#!/usr/bin/env node
import { main } from '../src/cli/main.js'
import { shutdownSignal } from '../src/cli/signals.js'

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: shutdownSignal() })
