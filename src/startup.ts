import type { Config } from '#src/config.ts'
import type { Db } from '#src/database.ts'
import { loadDemo } from '#src/demo/index.ts'
import { needsFirstAdmin } from '#src/modules/accounts/index.ts'
import { bankHolidayCoverageWarning } from '#src/platform/calendar/bank-holidays.ts'

/**
 * Before serving, and for `demo`: the demo data on an empty database when the demo is on (it is off
 * in production unless OVERSIGHT_DEMO=1), and while no admin can sign in, how to create the first.
 * Returns the lines to show the operator.
 */
export async function prepareDatabase(
  db: Db,
  config: Pick<Config, 'demo' | 'demoPassword'>,
  /** What else the demo loads, outside the database (the statutory returns' store), once its data is in. */
  afterDemo: () => Promise<string[]> = async () => [],
): Promise<string[]> {
  if (config.demo) {
    const result = await loadDemo(db, { password: config.demoPassword })
    const more = result.loaded ? await afterDemo() : []
    if (result.generatedPassword) {
      return [
        ...more,
        '',
        'Demo data loaded. Demo accounts (admin, scrutiny, officer, member, analyst @example.org)',
        `share this password, shown once: ${result.generatedPassword}`,
        '',
      ]
    }
    if (result.loaded) return [...more, 'Demo data loaded; demo accounts use OVERSIGHT_DEMO_PASSWORD.']
  }
  if (!(await needsFirstAdmin(db))) return []
  return [
    'No admin account can sign in yet. Create the first one with',
    '  npm run create-admin -- EMAIL NAME',
    'for example npm run create-admin -- jo.bloggs@council.gov.uk Jo Bloggs. It prints a password once',
    '(or set OVERSIGHT_ADMIN_PASSWORD first). See docs/operations.md.',
  ]
}

/** What the log should warn about when the server starts: settings left at a default that does not suit. */
export function startupWarnings(
  config: Pick<Config, 'env' | 'baseUrl' | 'baseUrlSet' | 'oidc'>,
  today: string,
): string[] {
  const warnings: string[] = []
  // The provider sends people back to the redirect address, where the sign-in's cookie must be.
  if (config.oidc && new URL(config.oidc.redirectUrl).origin !== config.baseUrl) {
    warnings.push(
      `OIDC_REDIRECT_URL (${config.oidc.redirectUrl}) is not on OVERSIGHT_BASE_URL (${config.baseUrl}): ` +
        'signing in through the provider works only at the redirect address’s site.',
    )
  }
  if (config.env === 'production' && !config.baseUrlSet) {
    warnings.push(
      `OVERSIGHT_BASE_URL is not set, so feeds and the open data page link to ${config.baseUrl}: ` +
        'set it to the address the public uses.',
    )
  }
  const holidays = bankHolidayCoverageWarning(today)
  if (holidays) warnings.push(holidays)
  return warnings
}
