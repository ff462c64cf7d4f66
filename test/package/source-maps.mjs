import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'

/**
 * Every source a shipped source map names (`sources`, resolved against the map's folder and its
 * `sourceRoot`, Source Map v3 §"sources") must be in the tarball too, or a debugger and "go to
 * definition" land on a missing file. Returns "map -> missing source" lines; empty when all ship.
 */
export function checkSourceMaps(root, files) {
  const broken = []
  for (const file of files) {
    if (!file.endsWith('.map')) continue
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'))
    if (Array.isArray(map.sourcesContent) && map.sourcesContent.every((content) => typeof content === 'string')) continue
    for (const source of map.sources ?? []) {
      const path = posix.normalize(posix.join(posix.dirname(file), map.sourceRoot ?? '', source))
      if (!files.has(path)) broken.push(`${file} -> ${path}`)
    }
  }
  return broken
}
