import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { z } from 'zod'

/** How long a sign-in at the council's provider may take, from leaving Oversight to coming back. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000

/**
 * What the callback checks the provider's answer against, kept in the browser between leaving for
 * the provider and coming back: the state, the nonce, the PKCE code verifier and where to go after.
 */
export interface OidcTransaction {
  state: string
  nonce: string
  codeVerifier: string
  returnTo: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

const transactionSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string().startsWith('/'),
  expiresAt: z.number().int(),
})

/**
 * The cookie's key, from the client secret every process of the installation shares: a sign-in
 * started by one process finishes in another, with no table and no extra setting.
 */
function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'oversight', 'oidc sign-in transaction', 32))
}

/** Seals a transaction (AES-256-GCM): the browser can neither read nor change it. */
export function sealTransaction(secret: string, transaction: OidcTransaction): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
  const sealed = Buffer.concat([cipher.update(JSON.stringify(transaction), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The transaction in a cookie, or null when it is missing, changed, sealed with another key or expired. */
export function openTransaction(secret: string, value: string | undefined, now = Date.now()): OidcTransaction | null {
  if (!value) return null
  const bytes = Buffer.from(value, 'base64url')
  if (bytes.length < 29) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), bytes.subarray(0, 12))
    decipher.setAuthTag(bytes.subarray(12, 28))
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
    const parsed = transactionSchema.safeParse(JSON.parse(plain))
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : null
  } catch {
    return null
  }
}
