import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The council's papers the demo data was transcribed from. Tests that check the demo against
 * them look in OVERSIGHT_SEEDS_DIR, then beside the project (../shared/seeds). A clone without
 * the papers cannot run those checks: they are skipped with a warning, and every other check of
 * the demo data still runs. Under CI (CI=true) nothing may be skipped, so a missing paper fails.
 */
const PLACES = [
  process.env.OVERSIGHT_SEEDS_DIR,
  fileURLToPath(new URL('../../../shared/seeds/', import.meta.url)),
].filter((place): place is string => Boolean(place))

export function seedLines(file: string): string[] | null {
  for (const place of PLACES) {
    const path = join(place, file)
    if (existsSync(path)) return readFileSync(path, 'utf8').split('\n')
  }
  const missing = `The council's paper ${file} is not in ${PLACES.join(' or ')}`
  if (process.env.CI === 'true') throw new Error(`${missing}: under CI the demo data must be checked against it.`)
  console.warn(`${missing}: the checks of the demo data against it are skipped.`)
  return null
}
