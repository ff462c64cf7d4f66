export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function mean(values) {
  return values.reduce((sum, v) => sum + v, 0) / values.length
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits

export function mb(bytes) {
  return round(bytes / 1024 / 1024, 1)
}
