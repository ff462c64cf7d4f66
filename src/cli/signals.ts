/**
 * An AbortSignal that fires on the first SIGINT or SIGTERM, so `serve` closes cleanly and returns
 * its exit code. A second signal gets Node's default behaviour (exit at once).
 */
export function shutdownSignal(target: NodeJS.Process = process): AbortSignal {
  const controller = new AbortController()
  const onSignal = () => {
    target.off('SIGINT', onSignal)
    target.off('SIGTERM', onSignal)
    controller.abort()
  }
  target.on('SIGINT', onSignal)
  target.on('SIGTERM', onSignal)
  return controller.signal
}
