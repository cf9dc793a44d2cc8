/**
 * A counter that moves on every committed change, so anything derived from the data (the public
 * page cache) can tell it is out of date. Per process: several processes writing to one PostgreSQL
 * do not see each other's changes here, so such deployments turn the page cache off.
 */
let version = 0

export function dataVersion(): number {
  return version
}

export function dataChanged(): void {
  version++
}
