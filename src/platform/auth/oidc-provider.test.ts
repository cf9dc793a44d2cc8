import { describe, expect, it } from 'vitest'
import { verifiedEmail } from './oidc-provider.ts'

describe('verifiedEmail: the address an ID token vouches for', () => {
  it.each([
    [{ email: 'jo@council.gov.uk', email_verified: true }, 'jo@council.gov.uk'],
    [{ email: 'jo@council.gov.uk', email_verified: false }, null],
    [{ email: 'jo@council.gov.uk', email_verified: 'true' }, null],
    [{ email: 'jo@council.gov.uk' }, null],
    // Microsoft Entra ID: no email_verified, its "email domain owner verified" instead.
    [{ email: 'jo@council.gov.uk', xms_edov: true }, 'jo@council.gov.uk'],
    [{ email: 'jo@council.gov.uk', xms_edov: false }, null],
    [{ email: 'jo@council.gov.uk', xms_edov: 'true' }, null],
    // An explicit "not verified" wins over Entra's claim.
    [{ email: 'jo@council.gov.uk', email_verified: false, xms_edov: true }, null],
    [{ email_verified: true }, null],
    [{ email: 'not an address', email_verified: true }, null],
    [{ email: ['jo@council.gov.uk'], email_verified: true }, null],
  ])('%j gives %s', (claims, expected) => {
    expect(verifiedEmail(claims)).toBe(expected)
  })
})
