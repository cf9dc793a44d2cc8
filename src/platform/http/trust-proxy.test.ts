import { describe, expect, it } from 'vitest'
import { parseTrustProxy } from './trust-proxy.ts'

describe('parseTrustProxy', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    [' ', undefined],
    ['0', undefined],
    ['false', undefined],
    ['loopback', ['loopback']],
    ['10.0.0.1,10.0.0.2', ['10.0.0.1', '10.0.0.2']],
    [' 10.0.0.0/8 , loopback,uniquelocal', ['10.0.0.0/8', 'loopback', 'uniquelocal']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected)
  })

  it.each(['1', '2', 'true'])('refuses %j, which would believe a client that connects directly', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/not a number of hops or true/)
  })

  it.each(['yes', '10.0.0', '10.0.0.1/33', '::1/129', '10.0.0.1/8/8', '10.0.0.1,,10.0.0.2', 'proxy.example', '-1'])(
    'refuses %j',
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/give the addresses of the proxies in front/)
    },
  )
})
