import type { Server } from 'node:http'

export declare const APP_ROOT: string
export declare const REPO_ROOT: string

export interface AppServerOptions {
  /** URL of a running `mock-auth serve`; /api/auth, /.well-known and /__mock-auth are proxied to it. */
  apiTarget?: string
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0: a free port. */
  port?: number
  /** Default examples/app. */
  root?: string
  /** An msw package folder whose browser build and worker script are served instead of the installed msw's. */
  mswDir?: string
}

export interface AppServer {
  url: string
  server: Server
  close(): Promise<void>
}

export declare function startAppServer(options?: AppServerOptions): Promise<AppServer>
