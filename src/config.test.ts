import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

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
