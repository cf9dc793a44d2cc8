import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/support/databases.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { heading } from '../../../test/support/html.ts'

const committee = '/bodies/children-and-young-peoples-scrutiny-committee'
const nonceIn = (html: string) => /<script nonce="([^"]+)"/.exec(html)?.[1]
const nonceOfHeader = (csp: unknown) => /script-src[^;]*'nonce-([^']+)'/.exec(String(csp))?.[1]

describe.each(testDatabases())('the public page cache on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database, { publicCache: true })
  })
  afterAll(() => t?.close())

  it('serves a repeated signed-out page from memory, with this response’s own CSP nonce', async () => {
    const first = await t.visitor().get(committee)
    const second = await t.visitor().get(committee)
    expect(first.headers['x-oversight-cache']).toBeUndefined()
    expect(second.headers['x-oversight-cache']).toBe('hit')
    expect(second.body.length).toBeGreaterThan(1000)
    expect(nonceIn(second.body)).toBe(nonceOfHeader(second.headers['content-security-policy']))
    expect(nonceIn(second.body)).not.toBe(nonceIn(first.body))
  })

  it('forgets everything as soon as any change is committed', async () => {
    await t.visitor().get(committee)
    const officer = await t.as('scrutiny_officer')
    const form = await officer.get(`${committee}/edit`)
    expect(form.statusCode).toBe(200)
    const saved = await officer.post(`${committee}/edit`, {
      ...(await officer.versionOf(`${committee}/edit`)),
      name: 'Children and Young People’s Scrutiny Committee (renamed)',
      kind: 'committee',
      remit: 'Changed remit.',
    })
    expect(saved.statusCode).toBe(303)
    const after = await t.visitor().get(committee)
    expect(after.headers['x-oversight-cache']).toBeUndefined()
    expect(heading(after.body)).toBe('Children and Young People’s Scrutiny Committee (renamed)')
  })

  it('never serves or stores pages for signed-in users', async () => {
    const member = await t.as('member')
    await member.get(committee)
    const again = await member.get(committee)
    expect(again.headers['x-oversight-cache']).toBeUndefined()
    expect(again.body).toContain('Signed in as')
    const visitor = await t.visitor().get(committee)
    expect(visitor.body).not.toContain('Signed in as')
  })

  it('renders afresh when the client asks with Cache-Control: no-cache', async () => {
    await t.visitor().get('/meetings')
    const fresh = await t.visitor().get('/meetings', { 'cache-control': 'no-cache' })
    expect(fresh.headers['x-oversight-cache']).toBeUndefined()
  })
})
