import { httpControlClient } from './control-client.js'
import { mountDashboard } from './ui.js'

/**
 * The served dashboard's entry (`GET /__mock-auth/`): the namespace comes from `?namespace=`
 * (default `default`), and every control is a call to this server's own control API.
 */
const params = new URLSearchParams(location.search)
const namespace = params.get('namespace') || 'default'
document.title = `mock-auth: ${namespace}`
mountDashboard(document.body, httpControlClient(location.origin, namespace), {
  namespace: {
    current: namespace,
    choose: (name) => {
      params.set('namespace', name)
      location.search = params.toString()
    },
  },
})
