import type { Context } from '#src/platform/auth/user.ts'
import { dataVersion } from '#src/platform/db/data-version.ts'

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

/** The public's view of each request's context, one per context so that its reads are kept alike. */
const publicViews = new WeakMap<Context, Context>()

/**
 * `ctx` as a visitor who is not signed in would make it, for what is published to everyone whoever
 * asks (the open data API): the same request, with no user. Its reads are kept for the request as
 * `ctx`'s are (keepReads), so a route that reads the same record twice queries it once.
 */
export function asThePublic(ctx: Context): Context {
  let view = publicViews.get(ctx)
  if (!view) {
    view = { ...ctx, user: null }
    publicViews.set(ctx, view)
    if (readsOf.has(ctx)) keepReads(view)
  }
  return view
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

/**
 * `read` as readOnce gives it (once per request that changes nothing, every time elsewhere), and, when
 * `acrossRequests`, kept from one such request to the next until the data changes (data-version.ts):
 * for what nearly every page reads and few changes touch, such as the register of bodies and people
 * and the council's settings. What is kept must be read from the database as committed (not in a
 * transaction) and be the same for everyone: any permission applies to what is made of it, after.
 * A read that fails is not kept. A read started before a change is kept under the version it began
 * at, so it is not served once the change is made.
 */
export function readUntilChanged<T>(
  key: string,
  read: () => Promise<T>,
  options: { acrossRequests: boolean },
): (ctx: Context) => Promise<T> {
  return readsUntilChanged(key, () => read(), { ...options, keep: 1 })
}

/**
 * readUntilChanged for a read of some record's (a committee's recommendations, as they stood on a
 * day): each `args` is its own read, and the `keep` most recently asked for are kept until the data
 * changes. `args` are plain values (ids, dates), named in the key as JSON. `read` is given the context
 * of the request that asks first, for the reads it makes in turn (the register, say): what it makes
 * must not depend on who that is.
 */
export function readsUntilChanged<T, A extends (string | number | boolean | null)[]>(
  name: string,
  read: (ctx: Context, ...args: A) => Promise<T>,
  options: { acrossRequests: boolean; keep: number },
): (ctx: Context, ...args: A) => Promise<T> {
  // Frozen, as it is shared: a caller that changed it would change every later request's.
  const readFrozen = (ctx: Context, args: A) => read(ctx, ...args).then(deepFreeze)
  /** By key, least recently asked for first. */
  const kept = new Map<string, { version: number; value: Promise<T> }>()
  const readKept = (ctx: Context, key: string, args: A) => {
    const version = dataVersion()
    const found = kept.get(key)
    kept.delete(key)
    if (found?.version === version) {
      kept.set(key, found)
      return found.value
    }
    const value = readFrozen(ctx, args)
    const entry = { version, value }
    kept.set(key, entry)
    if (kept.size > options.keep) kept.delete(kept.keys().next().value!)
    value.catch(() => {
      if (kept.get(key) === entry) kept.delete(key)
    })
    return value
  }
  return (ctx, ...args) => {
    const key = args.length === 0 ? name : `${name}:${JSON.stringify(args)}`
    const across = options.acrossRequests && readsOf.has(ctx)
    return readOnce(ctx, key, across ? () => readKept(ctx, key, args) : () => readFrozen(ctx, args))
  }
}

/** `value`, and every object and array it holds, made read-only (a Date's own methods still change it). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
