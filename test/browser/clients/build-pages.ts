// Bundles the real-client page (index.html, a chunk per client library) with Vite, the bundler Vitest
// already brings, into a fresh directory at test time: no bundle is committed, nothing is fetched.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** Builds the page into a new temporary directory; returns it and a cleanup. */
export async function buildClientPages(): Promise<{ dir: string; close(): void }> {
  const { build } = await import('vite')
  const outDir = mkdtempSync(join(tmpdir(), 'mock-auth-client-pages-'))
  // Vite sets process.env.NODE_ENV=production in this process when it is unset; mock-auth serve,
  // started after this, rightly refuses to run under production.
  const nodeEnv = process.env.NODE_ENV
  try {
    await buildPages(build, outDir)
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  return { dir: outDir, close: () => rmSync(outDir, { recursive: true, force: true }) }
}

async function buildPages(build: typeof import('vite').build, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: here,
    logLevel: 'warn',
    // next-auth/react reads NEXTAUTH_URL from process.env when it loads, as a Next.js build inlines
    // it; unset, its browser side uses the relative /api/auth.
    // The in-page mock imports mock-auth's browser entry as an app does: the built package (dist/).
    resolve: { alias: { 'mock-auth/browser': join(here, '..', '..', '..', 'dist', 'src', 'browser', 'index.js') } },
    define: { 'process.env': JSON.stringify({ NODE_ENV: 'production' }) },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: true,
      reportCompressedSize: false,
      rollupOptions: { input: join(here, 'index.html') },
    },
  })
}
