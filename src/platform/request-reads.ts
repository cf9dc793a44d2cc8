import type { Context } from '#src/platform/auth/user.ts'

/**
 * What a request that changes nothing has already read, by what it asked for. A page gathered from
 * several modules asks for the same record from each (the body page's sections each want the body):
 * read once, it costs one set of queries however many sections the page has.
 */
const readsOf = new WeakMap<Context, Map<string, Promise<unknown>>>()

/**
 * Marks the context of a request that changes nothing (a GET: no state changes on GET), so that its
 * reads are kept for the rest of the request. A request that writes keeps nothing: it reads afresh.
 */
export function keepReads(ctx: Context): void {
  readsOf.set(ctx, new Map())
}

/**
 * The result of `read`, made once per request marked by `keepReads` and shared by every caller
 * with the same `key` (a refusal too: the same NotFoundError). Elsewhere `read` runs every time.
 * Callers must not change what they are given.
 */
export function readOnce<T>(ctx: Context, key: string, read: () => Promise<T>): Promise<T> {
  const reads = readsOf.get(ctx)
  if (!reads) return read()
  let kept = reads.get(key) as Promise<T> | undefined
  if (!kept) {
    kept = read()
    reads.set(key, kept)
  }
  return kept
}
