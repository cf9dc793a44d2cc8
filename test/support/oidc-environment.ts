/** The four settings of sign-in through Microsoft Entra ID, as an installation's environment has them. */
export const OIDC_ENVIRONMENT = {
  OIDC_ISSUER: 'https://login.microsoftonline.com/0b0c0d0e-1111-2222-3333-444455556666/v2.0',
  OIDC_CLIENT_ID: 'client-id',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_REDIRECT_URL: 'https://oversight.example.gov.uk/sign-in/oidc/callback',
}
