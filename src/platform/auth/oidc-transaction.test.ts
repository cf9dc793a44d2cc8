import { describe, expect, it } from 'vitest'
import { TRANSACTION_TTL_MS, openTransaction, sealTransaction } from './oidc-transaction.ts'

const SECRET = 'the client secret'
const NOW = Date.parse('2024-01-22T09:00:00Z')
const transaction = {
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  returnTo: '/account',
  expiresAt: NOW + TRANSACTION_TTL_MS,
}

describe('the sign-in transaction cookie', () => {
  it('opens what it sealed, and shows none of it to the browser', () => {
    const sealed = sealTransaction(SECRET, transaction)
    expect(openTransaction(SECRET, sealed, NOW)).toEqual(transaction)
    for (const secretPart of ['state-1', 'nonce-1', 'verifier-1', 'account']) expect(sealed).not.toContain(secretPart)
    expect(sealTransaction(SECRET, transaction)).not.toBe(sealed)
  })

  it('refuses a changed cookie, one sealed with another secret, an expired one and rubbish', () => {
    const sealed = sealTransaction(SECRET, transaction)
    const bytes = Buffer.from(sealed, 'base64url')
    bytes[bytes.length - 1] ^= 1
    expect(openTransaction(SECRET, bytes.toString('base64url'), NOW)).toBeNull()
    expect(openTransaction('another secret', sealed, NOW)).toBeNull()
    expect(openTransaction(SECRET, sealed, NOW + TRANSACTION_TTL_MS)).toBeNull()
    for (const value of [undefined, '', 'abc', 'x'.repeat(200)]) expect(openTransaction(SECRET, value, NOW)).toBeNull()
  })

  it('refuses a well-sealed cookie that does not hold a transaction', () => {
    const odd = sealTransaction(SECRET, { ...transaction, returnTo: 'https://evil.example/' })
    expect(openTransaction(SECRET, odd, NOW)).toBeNull()
  })
})
