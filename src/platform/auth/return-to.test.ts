import { describe, expect, it } from 'vitest'
import { safeReturnTo } from './return-to.ts'

describe('safeReturnTo', () => {
  it.each([
    ['/account', '/account'],
    ['/meetings/2024-01-25-cyp?tab=papers#item-4', '/meetings/2024-01-25-cyp?tab=papers#item-4'],
    [['/account', '/admin'], '/account'],
    ['/search?q=caf\u00e9 au lait', '/search?q=caf%C3%A9%20au%20lait'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %j as %j', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected)
  })

  it.each([
    undefined,
    '',
    'a',
    'account',
    ['a', 'b'],
    [],
    [['/nested']],
    { path: '/account' },
    42,
    '//evil.example',
    '//evil.example/account',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/account\nSet-Cookie: x=1',
    '/account\r\nLocation: https://evil.example',
    '/\u0000',
    '/\u007f',
    '/\u0085',
    '/.//evil.example',
    '/..//evil.example',
    '/./\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    ' /account',
    `/${'a'.repeat(2000)}`,
  ])('falls back to / for %j', (value) => {
    expect(safeReturnTo(value)).toBe('/')
  })
})
