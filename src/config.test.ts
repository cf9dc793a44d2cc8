import { describe, expect, it } from 'vitest'
import { OIDC_ENVIRONMENT } from '../test/support/oidc-environment.ts'
import { DEMO_TODAY, loadConfig } from './config.ts'

describe('loadConfig: sign-in settings', () => {
  it('takes the proxies to believe as addresses, and none by default', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined()
    expect(loadConfig({ OVERSIGHT_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8'])
    expect(() => loadConfig({ OVERSIGHT_TRUST_PROXY: '1' })).toThrow(
      /OVERSIGHT_TRUST_PROXY: give the addresses of the proxies in front/,
    )
    expect(() => loadConfig({ OVERSIGHT_TRUST_PROXY: 'proxy.example' })).toThrow(/not "proxy\.example"/)
  })

  it('names the council: as set, or Blackpool Council for the demo', () => {
    expect(loadConfig({}).councilName).toBe('Blackpool Council')
    expect(loadConfig({ OVERSIGHT_DEMO: '0' }).councilName).toBeUndefined()
    const wigan = loadConfig({ OVERSIGHT_DEMO: '0', OVERSIGHT_COUNCIL_NAME: ' Wigan Council ' })
    expect(wigan.councilName).toBe('Wigan Council')
  })

  it.each([
    [{ OVERSIGHT_DEMO_PASSWORD: 'short' }, 'OVERSIGHT_DEMO_PASSWORD: Password must be 12 characters or more'],
    [{ OVERSIGHT_DEMO_PASSWORD: '' }, 'OVERSIGHT_DEMO_PASSWORD: Password must be 12 characters or more'],
    [{ OVERSIGHT_DEMO_PASSWORD: 'password1234' }, 'OVERSIGHT_DEMO_PASSWORD: This password is too common'],
    [
      { OVERSIGHT_DEMO_PASSWORD: 'Blackpool Council' },
      'OVERSIGHT_DEMO_PASSWORD: Password must not contain the council’s name',
    ],
    [{ OVERSIGHT_ADMIN_PASSWORD: 'aaaaaaaaaaaa' }, 'OVERSIGHT_ADMIN_PASSWORD: This password is too easy to guess'],
    [
      { OVERSIGHT_DEMO: '0', OVERSIGHT_COUNCIL_NAME: 'Wigan Council', OVERSIGHT_ADMIN_PASSWORD: 'wigan council 1' },
      'OVERSIGHT_ADMIN_PASSWORD: Password must not contain the council’s name',
    ],
  ])('refuses %j: the password policy applies to configured passwords too', (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(message)
  })

  it('takes passwords that meet the policy, and a blank admin password as none', () => {
    const config = loadConfig({ OVERSIGHT_DEMO_PASSWORD: 'donkeys on the promenade', OVERSIGHT_ADMIN_PASSWORD: '' })
    expect(config.demoPassword).toBe('donkeys on the promenade')
    expect(config.adminPassword).toBeUndefined()
  })
})

describe('loadConfig', () => {
  describe('the demo', () => {
    it.each(['development', 'test', undefined])('is on by default with NODE_ENV=%s, with the demo date', (env) => {
      const config = loadConfig(env ? { NODE_ENV: env } : {})
      expect(config.demo).toBe(true)
      expect(config.today).toBe(DEMO_TODAY)
    })

    it('is off by default in production, so an empty database gets no demo data and no demo accounts', () => {
      const config = loadConfig({ NODE_ENV: 'production' })
      expect(config.demo).toBe(false)
      expect(config.today).toBeUndefined()
    })

    it('is on in production only when OVERSIGHT_DEMO=1 is set', () => {
      expect(loadConfig({ NODE_ENV: 'production', OVERSIGHT_DEMO: '1' }).demo).toBe(true)
      expect(loadConfig({ NODE_ENV: 'development', OVERSIGHT_DEMO: '0' }).demo).toBe(false)
    })
  })

  describe('COOKIE_SECURE', () => {
    it('is refused as 0 in production, with a reason', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: '0' })).toThrow(
        /Configuration is not valid:\n {2}COOKIE_SECURE: COOKIE_SECURE=0 is not allowed with NODE_ENV=production/,
      )
    })

    it('may be 0 in development, and is 1 by default everywhere', () => {
      expect(loadConfig({ COOKIE_SECURE: '0' }).cookieSecure).toBe(false)
      expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true)
    })
  })

  describe('OVERSIGHT_BASE_URL', () => {
    it('defaults to http://localhost and the port, marked as not set', () => {
      expect(loadConfig({})).toMatchObject({ baseUrl: 'http://localhost:3000', baseUrlSet: false })
      expect(loadConfig({ PORT: '8080', OVERSIGHT_BASE_URL: '' })).toMatchObject({
        baseUrl: 'http://localhost:8080',
        baseUrlSet: false,
      })
    })

    it.each([
      ['https://oversight.example.gov.uk', 'https://oversight.example.gov.uk'],
      ['https://oversight.example.gov.uk/', 'https://oversight.example.gov.uk'],
      ['HTTPS://Oversight.Example.gov.uk:443/', 'https://oversight.example.gov.uk'],
      ['http://192.0.2.10:8080', 'http://192.0.2.10:8080'],
    ])('takes %s as %s', (value, origin) => {
      expect(loadConfig({ OVERSIGHT_BASE_URL: value })).toMatchObject({ baseUrl: origin, baseUrlSet: true })
    })

    it.each([
      'oversight.example.gov.uk',
      '/meetings',
      'ftp://oversight.example.gov.uk',
      'https://oversight.example.gov.uk/oversight',
      'https://oversight.example.gov.uk/?a=1',
      'https://user:secret@oversight.example.gov.uk',
      'https://',
      'https://exa mple.org',
    ])('refuses %s', (value) => {
      expect(() => loadConfig({ OVERSIGHT_BASE_URL: value })).toThrow(
        /OVERSIGHT_BASE_URL: OVERSIGHT_BASE_URL must be the address the public uses/,
      )
    })
  })

  describe('GOV.UK Notify', () => {
    const KEY = 'oversight_live-11111111-2222-4333-8444-555555555555-66666666-7777-4888-9999-aaaaaaaaaaaa'
    const templates = {
      NOTIFY_TEMPLATE_UPDATE_REQUEST: '00000000-0000-4000-8000-000000000001',
      NOTIFY_TEMPLATE_UPDATE_REMINDER: '00000000-0000-4000-8000-000000000002',
      NOTIFY_TEMPLATE_OVERDUE_DIGEST: '00000000-0000-4000-8000-000000000003',
      NOTIFY_TEMPLATE_ALERT_CONFIRMATION: '00000000-0000-4000-8000-000000000004',
      NOTIFY_TEMPLATE_ALERT: '00000000-0000-4000-8000-000000000005',
    }

    it('is off without a key: messages are only kept in the outbox', () => {
      expect(loadConfig({}).notify).toBeUndefined()
      expect(loadConfig({ NOTIFY_API_KEY: '' }).notify).toBeUndefined()
    })

    it('takes the key, a template for each kind of message, and the API address for a stand-in', () => {
      expect(
        loadConfig({ NOTIFY_API_KEY: KEY, ...templates, NOTIFY_BASE_URL: 'http://127.0.0.1:8025' }).notify,
      ).toEqual({
        apiKey: KEY,
        baseUrl: 'http://127.0.0.1:8025',
        templates: {
          'update request': templates.NOTIFY_TEMPLATE_UPDATE_REQUEST,
          'update reminder': templates.NOTIFY_TEMPLATE_UPDATE_REMINDER,
          'overdue digest': templates.NOTIFY_TEMPLATE_OVERDUE_DIGEST,
          'alert confirmation': templates.NOTIFY_TEMPLATE_ALERT_CONFIRMATION,
          alert: templates.NOTIFY_TEMPLATE_ALERT,
        },
      })
      expect(loadConfig({ NOTIFY_API_KEY: KEY, ...templates }).notify?.baseUrl).toBeUndefined()
    })

    it('asks for every template once there is a key', () => {
      const { NOTIFY_TEMPLATE_ALERT: _alert, ...others } = templates
      expect(() => loadConfig({ NOTIFY_API_KEY: KEY, ...others })).toThrow(
        /NOTIFY_TEMPLATE_ALERT: NOTIFY_TEMPLATE_ALERT is needed when NOTIFY_API_KEY is set/,
      )
    })

    it('refuses a key, a template id or an address that cannot be right', () => {
      expect(() => loadConfig({ NOTIFY_API_KEY: 'secret', ...templates })).toThrow(
        /NOTIFY_API_KEY: NOTIFY_API_KEY must be the whole key Notify gave/,
      )
      expect(() => loadConfig({ NOTIFY_API_KEY: KEY, ...templates, NOTIFY_TEMPLATE_ALERT: 'alert' })).toThrow(
        /NOTIFY_TEMPLATE_ALERT: must be a GOV.UK Notify template id/,
      )
      expect(() => loadConfig({ NOTIFY_BASE_URL: 'notify' })).toThrow(/NOTIFY_BASE_URL must be an http\(s\) address/)
    })
  })

  describe('sign-in through an OpenID Connect provider', () => {
    const OIDC = OIDC_ENVIRONMENT

    it('is off by default, with password sign-in on', () => {
      const config = loadConfig({})
      expect(config.oidc).toBeUndefined()
      expect(config.passwordSignIn).toBe(true)
    })

    it('takes all four settings, names the provider "your council account" unless told, and keeps passwords on', () => {
      const config = loadConfig(OIDC)
      expect(config.oidc).toEqual({
        issuer: OIDC.OIDC_ISSUER,
        clientId: 'client-id',
        clientSecret: 'client-secret',
        redirectUrl: OIDC.OIDC_REDIRECT_URL,
        providerName: 'your council account',
      })
      expect(config.passwordSignIn).toBe(true)
      const named = loadConfig({
        ...OIDC,
        OIDC_PROVIDER_NAME: 'your Wigan Council account',
        OIDC_PASSWORD_SIGN_IN: '0',
      })
      expect(named.oidc?.providerName).toBe('your Wigan Council account')
      expect(named.passwordSignIn).toBe(false)
    })

    it.each(Object.keys(OIDC))('refuses the others without %s, naming what is missing', (key) => {
      expect(() => loadConfig({ ...OIDC, [key]: undefined })).toThrow(`${key}: ${key} is missing: set all of`)
      expect(() => loadConfig({ ...OIDC, [key]: ' ' })).toThrow(`${key} is missing`)
    })

    it('refuses password sign-in off with no provider, since no one could sign in', () => {
      expect(() => loadConfig({ OIDC_PASSWORD_SIGN_IN: '0' })).toThrow(
        'OIDC_PASSWORD_SIGN_IN: OIDC_PASSWORD_SIGN_IN=0 needs OIDC_ISSUER',
      )
      expect(() => loadConfig({ OIDC_PASSWORD_SIGN_IN: 'no' })).toThrow('OIDC_PASSWORD_SIGN_IN')
    })

    it.each(['http://login.example.org', 'login.example.org', 'ftp://login.example.org'])(
      'refuses the issuer %s: https only, or http on this machine',
      (issuer) => {
        expect(() => loadConfig({ ...OIDC, OIDC_ISSUER: issuer })).toThrow('OIDC_ISSUER: OIDC_ISSUER must be')
      },
    )

    it('takes a provider on this machine over plain http, for development', () => {
      expect(loadConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:8080' }).oidc?.issuer).toBe('http://127.0.0.1:8080')
    })

    it.each([
      'https://oversight.example.gov.uk/callback',
      'https://oversight.example.gov.uk/x/sign-in/oidc/callback',
      'https://oversight.example.gov.uk/sign-in/oidc/callback?x=1',
      '/sign-in/oidc/callback',
    ])('refuses the redirect address %s', (url) => {
      expect(() => loadConfig({ ...OIDC, OIDC_REDIRECT_URL: url })).toThrow(
        'OIDC_REDIRECT_URL: OIDC_REDIRECT_URL must be the site’s address followed by /sign-in/oidc/callback',
      )
    })
  })

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', OVERSIGHT_BASE_URL: 'nowhere' })).toThrow(
      /PORT: .*\n {2}OVERSIGHT_BASE_URL: /,
    )
  })
})
