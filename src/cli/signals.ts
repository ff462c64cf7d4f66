/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM, so `serve` closes cleanly and returns
 * its exit code. A second signal gets Node's default behaviour (exit at once).
 *
 * Started by `npx` / `npm exec` (npm sets `npm_command=exec`), it also fires when npm is gone: npm
 * does not pass a SIGTERM on to the command it runs, so `npx mock-auth serve & ... kill $!` would
 * kill npm and leave the server holding its port. npm exec ends before its command only when it was
 * killed, so its parent changing (re-parented to init or a subreaper) means "stop". Checked once a
 * second, unref'd, and never for a server started directly, which `nohup` may mean to outlive its shell.
 */
export function shutdownSignal(target: NodeJS.Process = process, parentCheckMs = 1_000): AbortSignal {
  const controller = new AbortController()
  const parent = target.ppid
  const watch = target.env.npm_command === 'exec' ? setInterval(() => target.ppid !== parent && stop(), parentCheckMs) : undefined
  watch?.unref()
  const stop = () => {
    target.off('SIGINT', stop)
    target.off('SIGTERM', stop)
    clearInterval(watch)
    controller.abort()
  }
  target.on('SIGINT', stop)
  target.on('SIGTERM', stop)
  return controller.signal
}
