import { z } from 'zod'
import { passwordProblem } from '#src/platform/auth/password-policy.ts'
import { parseTrustProxy } from '#src/platform/http/trust-proxy.ts'
import type { MessageKind, NotifySettings } from '#src/modules/notifications/index.ts'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** A GOV.UK Notify API key: its name, then the service's id and the key's secret, each a uuid. */
const notifyApiKey = new RegExp(`^[A-Za-z0-9_-]+-${UUID}-${UUID}$`)

/** The setting that holds each kind of message's GOV.UK Notify template id. */
export const NOTIFY_TEMPLATE_SETTINGS = {
  'update request': 'NOTIFY_TEMPLATE_UPDATE_REQUEST',
  'update reminder': 'NOTIFY_TEMPLATE_UPDATE_REMINDER',
  'overdue digest': 'NOTIFY_TEMPLATE_OVERDUE_DIGEST',
  'alert confirmation': 'NOTIFY_TEMPLATE_ALERT_CONFIRMATION',
  alert: 'NOTIFY_TEMPLATE_ALERT',
} as const satisfies Record<MessageKind, string>

const templateId = z
  .string()
  .regex(new RegExp(`^${UUID}$`), 'must be a GOV.UK Notify template id, like 8d0d2b3a-5f6c-4c38-9c2b-2a0a5f3e1b7d')
  .optional()
  .or(z.literal('').transform(() => undefined))

const BASE_URL_MESSAGE =
  'OVERSIGHT_BASE_URL must be the address the public uses, http:// or https:// and a host name with no path, like https://oversight.example.gov.uk'

/** The origin of an absolute http(s) address with no path, query or credentials; null for anything else. */
function siteOrigin(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  const bare = !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash
  return (url.protocol === 'https:' || url.protocol === 'http:') && bare ? url.origin : null
}

/** A setting that may be left out; blank counts as left out. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)

/** Every setting Oversight reads from the environment, described and checked in one place. */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Port the web server listens on. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Address to bind; 0.0.0.0 in a container. */
    HOST: z.string().default('127.0.0.1'),
    /** Folder for the embedded database (PGlite) when DATABASE_URL is not set. */
    DATA_DIR: z.string().default('./data'),
    /** A PostgreSQL connection string; when set, the embedded database is not used. */
    DATABASE_URL: z.string().optional(),
    /** Load the demo data and demo accounts on an empty database; by default on, except in production. */
    OVERSIGHT_DEMO: z.enum(['0', '1']).optional(),
    /**
     * Password for the demo accounts (checked by the password policy); one is generated and printed
     * once when unset.
     */
    OVERSIGHT_DEMO_PASSWORD: z.string().optional(),
    /** Password for `create-admin` (checked by the password policy); one is generated and printed once when unset. */
    OVERSIGHT_ADMIN_PASSWORD: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    /** The council's name, which passwords may not contain; the demo's is Blackpool Council. */
    OVERSIGHT_COUNCIL_NAME: z.string().trim().optional(),
    /** Proxies whose X-Forwarded-For gives the client's address: their addresses, CIDRs or `loopback`. */
    OVERSIGHT_TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value)
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message })
          return z.NEVER
        }
      }),
    /** The date the app treats as today (YYYY-MM-DD); demo mode defaults to 2024-01-22. */
    OVERSIGHT_TODAY: z.string().regex(isoDate, 'OVERSIGHT_TODAY must be YYYY-MM-DD').optional(),
    /** Send cookies with Secure and the __Host- prefix. Turn off only for plain-HTTP development off localhost. */
    COOKIE_SECURE: z.enum(['0', '1']).default('1'),
    /** Keep signed-out pages in memory until the data changes, in any process sharing the database (ADR 3). */
    OVERSIGHT_PAGE_CACHE: z.enum(['0', '1']).default('1'),
    /** Days after the last backup (or with none) when the admin's backups page warns. */
    OVERSIGHT_BACKUP_WARN_DAYS: z.coerce.number().int().min(1).max(366).default(7),
    /**
     * The site's public address, from which every absolute link (feeds, calendar events, open data) is
     * built; never the request's Host header. Defaults to http://localhost:PORT.
     */
    OVERSIGHT_BASE_URL: z
      .string()
      .transform((value, ctx) => {
        const origin = value === '' ? undefined : siteOrigin(value)
        if (origin === null) ctx.addIssue({ code: 'custom', message: BASE_URL_MESSAGE })
        return origin ?? undefined
      })
      .optional(),
    /**
     * GOV.UK Notify's API key (a live or team key): emails are delivered through Notify. Unset, they are
     * only kept in the outbox for admins to read.
     */
    NOTIFY_API_KEY: z
      .string()
      .trim()
      .regex(notifyApiKey, 'NOTIFY_API_KEY must be the whole key Notify gave, its name and two ids')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Notify's API address: only for a stand-in in tests. Notify's own unless set. */
    NOTIFY_BASE_URL: z
      .string()
      .transform((value, ctx) => {
        const origin = value === '' ? undefined : siteOrigin(value)
        if (origin === null)
          ctx.addIssue({ code: 'custom', message: 'NOTIFY_BASE_URL must be an http(s) address with no path' })
        return origin ?? undefined
      })
      .optional(),
    /** The Notify template id of each kind of message (their text is in src/modules/notifications/templates). */
    NOTIFY_TEMPLATE_UPDATE_REQUEST: templateId,
    NOTIFY_TEMPLATE_UPDATE_REMINDER: templateId,
    NOTIFY_TEMPLATE_OVERDUE_DIGEST: templateId,
    NOTIFY_TEMPLATE_ALERT_CONFIRMATION: templateId,
    NOTIFY_TEMPLATE_ALERT: templateId,
    /** The council's OpenID Connect provider (its issuer address, like https://login.microsoftonline.com/TENANT/v2.0). */
    OIDC_ISSUER: optionalText,
    /** The client id Oversight has at the provider (Entra: the app registration's application id). */
    OIDC_CLIENT_ID: optionalText,
    /** The client secret Oversight has at the provider; it also seals the sign-in's short-lived cookie. */
    OIDC_CLIENT_SECRET: optionalText,
    /** Where the provider sends people back: OVERSIGHT_BASE_URL followed by /sign-in/oidc/callback. */
    OIDC_REDIRECT_URL: optionalText,
    /** What the sign-in button calls the provider: "Sign in with your council account". */
    OIDC_PROVIDER_NAME: optionalText,
    /** "0": no one signs in with a password, only through the provider (which must then be set). */
    OIDC_PASSWORD_SIGN_IN: z.enum(['0', '1']).default('1'),
    /** Log level for pino. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((e, ctx) => {
    // The configured passwords meet the same policy as any other, the council's name included.
    const councilName = councilNameOf(e)
    for (const key of ['OVERSIGHT_DEMO_PASSWORD', 'OVERSIGHT_ADMIN_PASSWORD'] as const) {
      const problem = e[key] === undefined ? undefined : passwordProblem(e[key], { councilName })
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem })
    }
    // With Notify, every kind of message needs its template.
    if (e.NOTIFY_API_KEY)
      for (const setting of Object.values(NOTIFY_TEMPLATE_SETTINGS))
        if (!e[setting])
          ctx.addIssue({ code: 'custom', path: [setting], message: `${setting} is needed when NOTIFY_API_KEY is set` })
    for (const issue of oidcIssues(e)) ctx.addIssue({ code: 'custom', path: [issue.key], message: issue.message })
  })

export type Env = z.infer<typeof schema>

const OIDC_KEYS = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const
type OidcKey = (typeof OIDC_KEYS)[number] | 'OIDC_PASSWORD_SIGN_IN'
type OidcEnv = Partial<Record<(typeof OIDC_KEYS)[number], string>> & { OIDC_PASSWORD_SIGN_IN: '0' | '1' }

/** The path of the callback route: OIDC_REDIRECT_URL must end with it. */
export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback'

/** An http(s) address; plain http only on this machine (a provider started for development or tests). */
function providerAddress(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  return url.protocol === 'https:' || (url.protocol === 'http:' && local)
}

/** The site's address followed by the callback's path, and nothing else. */
function isCallbackAddress(value: string): boolean {
  if (!value.endsWith(OIDC_CALLBACK_PATH)) return false
  const origin = siteOrigin(value.slice(0, -OIDC_CALLBACK_PATH.length))
  return origin !== null && `${origin}${OIDC_CALLBACK_PATH}` === value
}

const NO_PROVIDER =
  'OIDC_PASSWORD_SIGN_IN=0 needs OIDC_ISSUER and the other OIDC_ settings: with password sign-in off and no provider, no one could sign in'
const ISSUER_MESSAGE =
  'OIDC_ISSUER must be the provider’s https:// address, like https://login.microsoftonline.com/TENANT/v2.0'
const REDIRECT_MESSAGE = `OIDC_REDIRECT_URL must be the site’s address followed by ${OIDC_CALLBACK_PATH}, like https://oversight.example.gov.uk${OIDC_CALLBACK_PATH}`

/** The provider takes all four settings or none, and password sign-in goes off only with a provider. */
function oidcIssues(e: OidcEnv): { key: OidcKey; message: string }[] {
  if (OIDC_KEYS.every((key) => e[key] === undefined)) {
    return e.OIDC_PASSWORD_SIGN_IN === '0' ? [{ key: 'OIDC_PASSWORD_SIGN_IN', message: NO_PROVIDER }] : []
  }
  const issues: { key: OidcKey; message: string }[] = OIDC_KEYS.filter((key) => e[key] === undefined).map((key) => ({
    key,
    message: `${key} is missing: set all of ${OIDC_KEYS.join(', ')}, or none of them`,
  }))
  if (e.OIDC_ISSUER !== undefined && !providerAddress(e.OIDC_ISSUER)) {
    issues.push({ key: 'OIDC_ISSUER', message: ISSUER_MESSAGE })
  }
  if (e.OIDC_REDIRECT_URL !== undefined && !isCallbackAddress(e.OIDC_REDIRECT_URL)) {
    issues.push({ key: 'OIDC_REDIRECT_URL', message: REDIRECT_MESSAGE })
  }
  return issues
}

export const DEMO_COUNCIL_NAME = 'Blackpool Council'

type DemoSettings = { NODE_ENV: Env['NODE_ENV']; OVERSIGHT_DEMO?: '0' | '1' }

/** Demo accounts share a password printed to the console: never on a production database unless asked for. */
function demoOn(e: DemoSettings): boolean {
  return (e.OVERSIGHT_DEMO ?? (e.NODE_ENV === 'production' ? '0' : '1')) === '1'
}

function councilNameOf(e: DemoSettings & { OVERSIGHT_COUNCIL_NAME?: string }): string | undefined {
  return e.OVERSIGHT_COUNCIL_NAME || (demoOn(e) ? DEMO_COUNCIL_NAME : undefined)
}

export interface Config {
  env: Env['NODE_ENV']
  port: number
  host: string
  dataDir: string
  databaseUrl?: string
  demo: boolean
  demoPassword?: string
  adminPassword?: string
  councilName?: string
  trustProxy?: string[]
  /** Fixed "today" for the domain rules, or undefined for the real date. */
  today?: string
  cookieSecure: boolean
  pageCache: boolean
  backupWarnDays: number
  /** The site's public address, like https://oversight.example.gov.uk: an origin, no trailing slash. */
  baseUrl: string
  /** False when baseUrl is the default, which only suits a copy on this machine. */
  baseUrlSet: boolean
  logLevel: Env['LOG_LEVEL']
  /** GOV.UK Notify, when set up; messages are only kept in the outbox otherwise. */
  notify?: NotifySettings
  /** Sign-in through the council's OpenID Connect provider, when set up. */
  oidc?: OidcSettings
  /** False when OIDC_PASSWORD_SIGN_IN=0: everyone signs in through the provider. */
  passwordSignIn: boolean
}

export interface OidcSettings {
  issuer: string
  clientId: string
  clientSecret: string
  redirectUrl: string
  /** Shown on the button: "Sign in with {providerName}". */
  providerName: string
}

export const DEFAULT_PROVIDER_NAME = 'your council account'

export const DEMO_TODAY = '2024-01-22'

/** Settings that are valid alone but unsafe on a production server. */
function productionIssues(e: Env): string[] {
  if (e.NODE_ENV !== 'production') return []
  // Session and CSRF cookies sent over plain HTTP could be read or planted on the way.
  return e.COOKIE_SECURE === '0'
    ? ['COOKIE_SECURE: COOKIE_SECURE=0 is not allowed with NODE_ENV=production; serve Oversight over HTTPS']
    : []
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(environment)
  const issues = parsed.success
    ? productionIssues(parsed.data)
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
  if (!parsed.success || issues.length) {
    throw new Error(`Configuration is not valid:\n${issues.map((line) => `  ${line}`).join('\n')}`)
  }
  const e = parsed.data
  const demo = demoOn(e)
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL || undefined,
    demo,
    demoPassword: e.OVERSIGHT_DEMO_PASSWORD,
    adminPassword: e.OVERSIGHT_ADMIN_PASSWORD,
    councilName: councilNameOf(e),
    trustProxy: e.OVERSIGHT_TRUST_PROXY,
    today: e.OVERSIGHT_TODAY ?? (demo ? DEMO_TODAY : undefined),
    cookieSecure: e.COOKIE_SECURE === '1',
    pageCache: e.OVERSIGHT_PAGE_CACHE === '1',
    backupWarnDays: e.OVERSIGHT_BACKUP_WARN_DAYS,
    baseUrl: e.OVERSIGHT_BASE_URL ?? `http://localhost:${e.PORT}`,
    baseUrlSet: e.OVERSIGHT_BASE_URL !== undefined,
    logLevel: e.LOG_LEVEL,
    notify: e.NOTIFY_API_KEY
      ? {
          apiKey: e.NOTIFY_API_KEY,
          baseUrl: e.NOTIFY_BASE_URL,
          templates: Object.fromEntries(
            Object.entries(NOTIFY_TEMPLATE_SETTINGS).map(([kind, setting]) => [kind, e[setting]]),
          ) as Record<MessageKind, string>,
        }
      : undefined,
    oidc: oidcSettings(e),
    passwordSignIn: e.OIDC_PASSWORD_SIGN_IN === '1',
  }
}

function oidcSettings(e: Env): OidcSettings | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = e
  if (!issuer || !clientId || !clientSecret || !e.OIDC_REDIRECT_URL) return undefined
  const providerName = e.OIDC_PROVIDER_NAME ?? DEFAULT_PROVIDER_NAME
  return { issuer, clientId, clientSecret, redirectUrl: e.OIDC_REDIRECT_URL, providerName }
}
