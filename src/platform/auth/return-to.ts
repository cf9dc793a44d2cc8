import { z } from 'zod'

const SITE = 'http://oversight.invalid'

/**
 * Where to go after signing in: a path on this site, or '/'. Browsers drop tabs and newlines in
 * URLs and read '\' as '/', so '/\evil.example' and '/<tab>/evil.example' lead off-site like
 * '//evil.example': all are refused, as is anything the URL parser does not keep on the site
 * ('/.//evil.example' normalises to '//evil.example'). The first value counts when one is repeated.
 * The result is percent-encoded, so it is always a valid Location header.
 */
export function safeReturnTo(value: unknown): string {
  const first: unknown = Array.isArray(value) ? value[0] : value
  if (typeof first !== 'string' || first.length > 2000) return '/'
  if (!first.startsWith('/') || first.startsWith('//') || first.includes('\\') || /\p{Cc}/u.test(first)) return '/'
  let url: URL
  try {
    url = new URL(first, SITE)
  } catch {
    return '/'
  }
  const path = url.pathname + url.search + url.hash
  return url.origin === SITE && !path.startsWith('//') ? path : '/'
}

/** Where to go once signed in, from the link that asked for it: never another site. */
export const signInQuery = z.object({ returnTo: z.unknown().optional().transform(safeReturnTo) })
