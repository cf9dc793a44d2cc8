/** The password of the demo accounts in tests; it passes the password policy like any other. */
export const TEST_PASSWORD = 'correct horse battery staple'
