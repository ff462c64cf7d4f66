export declare const WORKER_SCRIPT: string
export declare function ensureWorkerScript(): string
