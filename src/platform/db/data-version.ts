/**
 * A counter that moves on every committed change, so anything derived from the data (the public
 * page cache) can tell it is out of date. Per process: on PostgreSQL the change feed
 * (change-feed.ts) moves it for the changes other processes commit too.
 */
let version = 0

export function dataVersion(): number {
  return version
}

export function dataChanged(): void {
  version++
}
