import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'

/** A free loopback port (bound and released; the tiny race is acceptable on a quiet machine). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** One GET; resolves with the status, rejects when nothing listens yet. */
export function probe(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Spawns a server and polls `probeUrl` until it answers (every 2 ms, at most `timeoutMs`).
 * Resolves with the child, the ms from spawn to the first HTTP answer, and a stop().
 */
export async function startServer({ command, args, env = {}, cwd, probeUrl, timeoutMs = 20_000 }) {
  const started = performance.now()
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  // Drain both pipes (mock-auth serve logs each request): a full pipe would stall the server.
  child.stdout.on('data', (chunk) => {
    if (output.length < 4000) output += chunk
  })
  child.stderr.on('data', (chunk) => {
    if (output.length < 4000) output += chunk
  })
  let exited = false
  child.once('exit', () => (exited = true))
  for (;;) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited before answering:\n${output}`)
    try {
      await probe(probeUrl)
      break
    } catch {
      if (performance.now() - started > timeoutMs) {
        child.kill('SIGKILL')
        throw new Error(`${command} ${args.join(' ')} did not answer within ${timeoutMs} ms:\n${output}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
  }
  const ms = performance.now() - started
  return {
    child,
    ms,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 3000).unref()
      }),
  }
}

/** Spawn to exit, for `node -e 0`. */
export function timeToExit(command, args) {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' })
    child.once('error', reject)
    child.once('exit', () => resolve(performance.now() - started))
  })
}
