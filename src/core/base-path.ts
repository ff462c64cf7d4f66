/** `/api/auth/` and `api/auth` both become `/api/auth`; `/` becomes ``. */
export function normalizeBasePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

