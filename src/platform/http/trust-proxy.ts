import { isIP } from 'node:net'

/** proxy-addr's names for address ranges, which Fastify accepts beside addresses and CIDRs. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * OVERSIGHT_TRUST_PROXY as Fastify's `trustProxy`: the proxies whose X-Forwarded-For is believed
 * when taking the client's address (sign-in throttling and rate limits key on it), as a
 * comma-separated list of addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`.
 * Unset, '' or 0: none, the socket's address counts.
 *
 * Neither `true` nor a number of hops is taken: both believe X-Forwarded-For from whoever connects,
 * so a client reaching Oversight directly could choose a fresh address for every guess at a
 * password (Fastify 5.12.1 dropped hop counts for the same reason).
 */
export function parseTrustProxy(value: string | undefined): string[] | undefined {
  const text = value?.trim() ?? ''
  if (text === '' || text === '0' || text === 'false') return undefined
  if (/^\d+$/.test(text) || text === 'true') {
    throw new Error(
      'give the addresses of the proxies in front (like loopback, or 10.0.0.1,10.0.0.0/8), not a number of hops ' +
        'or true: those would believe any client that reaches Oversight directly',
    )
  }
  const entries = text.split(',').map((entry) => entry.trim())
  const wrong = entries.filter((entry) => !isAddressOrRange(entry))
  if (wrong.length) {
    const named = wrong.map((entry) => JSON.stringify(entry)).join(', ')
    throw new Error(`give the addresses of the proxies in front (like loopback, or 10.0.0.1,10.0.0.0/8); not ${named}`)
  }
  return entries
}
