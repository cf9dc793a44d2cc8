import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { type TestApp, startTestApp } from '../../../test/support/harness.ts'
import { heading, text } from '../../../test/support/html.ts'
import { multipartForm, zipOf } from '../../../test/support/sample-files.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { SYNTH_FILES, writeSyntheticReturns } from './synth.ts'

const YEAR = '2023-24'

/** Posts the upload form as a browser would: the return, the year and the file. */
async function upload(agent: Agent, fields: Record<string, string>, file?: { filename: string; data: Buffer }) {
  const form = multipartForm({ _csrf: await agent.token(), ...fields }, file)
  return agent.inject({ method: 'POST', url: '/outcomes/returns/upload', ...form })
}

describe.each(testDatabases())('the statutory returns on $name', (database) => {
  let t: TestApp
  let folder: string
  let files: { cin: Buffer; zip903: Buffer; annexA: Buffer }
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'oversight-returns-test-'))
    await writeSyntheticReturns({ children: 400, year: YEAR, out: folder, seed: 7 })
    const csv = Object.entries(SYNTH_FILES).filter(([, name]) => name.endsWith('.csv'))
    const entries: Record<string, string> = {}
    for (const [, name] of csv) entries[name] = await readFile(join(folder, name), 'utf8')
    files = {
      cin: await readFile(join(folder, SYNTH_FILES.cin)),
      zip903: zipOf(entries),
      annexA: await readFile(join(folder, SYNTH_FILES.annexA)),
    }
    t = await startTestApp(database)
  })
  afterAll(async () => {
    await t?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('is for analysts and admins only', async () => {
    for (const role of ['member', 'officer', 'scrutiny_officer'] as const) {
      const agent = await t.as(role)
      expect((await agent.get('/outcomes/returns')).statusCode, role).toBe(403)
      expect(
        (await upload(agent, { kind: 'cin', year: YEAR }, { filename: 'cin.xml', data: files.cin })).statusCode,
      ).toBe(403)
    }
    expect((await t.visitor().get('/outcomes/returns')).statusCode).toBe(303)
    const analyst = await t.as('analyst')
    const page = await analyst.get('/outcomes/returns')
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Statutory returns')
  })

  it('says what is missing from the upload form, next to each field', async () => {
    const analyst = await t.as('analyst')
    const empty = await upload(analyst, {})
    expect(empty.statusCode).toBe(400)
    expect(text(empty.body)).toContain('Select which return the extract is')
    expect(text(empty.body)).toContain('Enter the collection year, like 2023-24')
    expect(text(empty.body)).toContain('Select the extract to upload')

    const badYear = await upload(analyst, { kind: 'cin', year: '2023-25' }, { filename: 'cin.xml', data: files.cin })
    expect(badYear.statusCode).toBe(400)
    expect(text(badYear.body)).toContain('Collection year must be two years in a row, like 2023-24')

    const notZip = await upload(analyst, { kind: '903', year: YEAR }, { filename: '903.zip', data: files.cin })
    expect(notZip.statusCode).toBe(400)
    expect(text(notZip.body)).toContain('is not a ZIP file of the SSDA903')
    const overview = await analyst.get('/outcomes/returns')
    expect(text(overview.body)).toContain('No extracts have been taken in yet')
  })

  it('takes in each return, pseudonymised, and reports its validation; no child id is stored', async () => {
    const analyst = await t.as('analyst')
    const ids: string[] = []
    for (const [kind, filename, data] of [
      ['cin', 'census.xml', files.cin],
      ['903', 'ssda903.zip', files.zip903],
      ['annex-a', 'annex-a.xlsx', files.annexA],
    ] as const) {
      const taken = await upload(analyst, { kind, year: YEAR }, { filename, data })
      expect(taken.statusCode, kind).toBe(303)
      const location = String(taken.headers.location)
      expect(location).toMatch(/^\/outcomes\/returns\/extracts\/[0-9a-f-]{36}$/)
      ids.push(location.split('/').pop()!)
      const page = await analyst.get(location)
      expect(page.statusCode).toBe(200)
      expect(text(page.body)).toContain('Extract taken in')
      expect(text(page.body)).toContain(filename)
    }
    const cinPage = text((await analyst.get(`/outcomes/returns/extracts/${ids[0]}`)).body)
    expect(cinPage).toContain('cin_referrals')
    expect(cinPage).toContain('Every record passed the rules checked')

    // The children's own ids (SYN…) and pupil numbers are nowhere: not in the record, not in the store.
    const stored = await t.db.selectFrom('returnExtracts').selectAll().execute()
    expect(JSON.stringify(stored)).not.toMatch(/SYN\d{7}/)
    const events = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'after'])
      .where('subjectType', '=', 'return extract')
      .execute()
    expect(events.map((e) => e.action)).toContain(`took in the Children in need census for ${YEAR}`)
    expect(JSON.stringify(events)).not.toMatch(/SYN\d{7}/)
  })

  it('shows the records failing validation only to an analyst granted child-level data, and records each read', async () => {
    const analyst = await t.as('analyst')
    const [extract] = await t.db.selectFrom('returnExtracts').select('id').where('kind', '=', '903').execute()
    const url = `/outcomes/returns/extracts/${extract.id}/failures`
    expect((await analyst.get(url)).statusCode).toBe(403)
    expect((await (await t.as('admin')).get(url)).statusCode).toBe(403)

    const admin = await t.as('admin')
    const [account] = await t.db.selectFrom('users').select('id').where('role', '=', 'analyst').execute()
    const form = `/admin/accounts/${account.id}/child-level-data`
    expect((await admin.get(form)).statusCode).toBe(200)
    const none = await admin.post(form, {})
    expect(none.statusCode).toBe(400)
    expect(text(none.body)).toContain('Select whether they may read child-level data')
    const granted = await admin.post(form, { childLevelData: 'yes' })
    expect(granted.statusCode).toBe(303)
    expect(text((await admin.get(String(granted.headers.location))).body)).toContain('Child-level data granted')

    const page = await analyst.get(url)
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Records failing validation')
    const reads = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel'])
      .where('subjectId', '=', extract.id)
      .where('action', 'like', 'read child-level data%')
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0].actorLabel).toContain('analyst')
    // Admins find the reads in the audit trail.
    const trail = await admin.get('/admin/audit?action=read+child-level+data')
    expect(text(trail.body).toLowerCase()).toContain('read child-level data: the records failing validation')
  })

  it('computes the indicators, and publishes the chosen ones into the framework with c for small counts', async () => {
    const analyst = await t.as('analyst')
    const withoutPopulation = await analyst.post('/outcomes/returns/compute', { year: YEAR })
    expect(text((await analyst.get(String(withoutPopulation.headers.location))).body)).toContain(
      'No population of children for 2024',
    )
    await t.db.deleteFrom('returnComputations').execute()
    await analyst.post('/outcomes/populations', { year: '2024', children: '30,000', source: 'Test estimate' })
    const computed = await analyst.post('/outcomes/returns/compute', { year: YEAR })
    expect(computed.statusCode).toBe(303)
    const review = await analyst.get(String(computed.headers.location))
    expect(review.statusCode).toBe(200)
    const words = text(review.body)
    expect(words).toContain(`Indicators computed for ${YEAR}`)
    expect(words).toContain('Section 47 enquiries')
    expect(words).toContain('How it is computed')

    const computation = await t.db.selectFrom('returnComputations').selectAll().executeTakeFirstOrThrow()
    const s47 = computation.results.find((r) => r.key === 'section-47')!
    expect(s47.numerator).toBeGreaterThan(5)
    // A percentage whose numerator is small, to see it published as c.
    const small = computation.results.find(
      (r) => r.unit === 'percentage' && r.numerator >= 1 && r.numerator <= 5 && r.value !== null,
    )

    const unitMismatch = await analyst.post(`/outcomes/returns/computations/${computation.id}/publish`, {
      'link-section-47': 'OF4.1',
    })
    expect(unitMismatch.statusCode).toBe(400)
    expect(text(unitMismatch.body)).toContain('its unit is not the same')

    const links: Record<string, string> = { 'link-section-47': 'OF3.1' }
    if (small) links[`link-${small.key}`] = 'OF4.1'
    const published = await analyst.post(`/outcomes/returns/computations/${computation.id}/publish`, links)
    expect(published.statusCode).toBe(303)
    const after = text((await analyst.get(String(published.headers.location))).body)
    expect(after).toContain(`${small ? 2 : 1} values published to the framework`.replace('1 values', '1 value'))
    expect(after).toContain('Published to the framework')

    const indicator = text((await t.visitor().get('/outcomes/OF3.1')).body)
    expect(indicator).toContain('Computed from the statutory returns')
    expect(indicator).toContain('section-47 version')
    expect(indicator).not.toContain('the count behind this figure is too small')
    if (small) {
      const smallPage = text((await t.visitor().get('/outcomes/OF4.1')).body)
      expect(smallPage).toMatch(/March 2024[^]*\bc\b/)
      expect(smallPage).toContain('the count behind this figure is too small to publish')
    }
    const again = await analyst.post(`/outcomes/returns/computations/${computation.id}/publish`, links)
    expect(again.statusCode).toBe(400)
    expect(text(again.body)).toContain('These values have been published already')
  })

  it('deletes an extract past the retention period, and says so in the audit trail', async () => {
    const before = await t.db.selectFrom('returnExtracts').select('id').where('deletedAt', 'is', null).execute()
    expect(before.length).toBeGreaterThan(0)
    expect(await t.app.scheduled.deleteExpiredExtracts(new Date())).toBe(0)
    const later = new Date(Date.now() + 14 * 31 * 24 * 3600 * 1000)
    expect(await t.app.scheduled.deleteExpiredExtracts(later)).toBe(before.length)
    const events = await t.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'deleted the %retention period')
      .execute()
    expect(events).toHaveLength(before.length)
    const analyst = await t.as('analyst')
    expect((await analyst.get(`/outcomes/returns/extracts/${before[0].id}`)).statusCode).toBe(404)
    // Nothing is left waiting in the folder uploads pass through.
    const incoming = await readdir(join(folder)).catch(() => [])
    expect(incoming.length).toBeGreaterThan(0)
  })
})

describe.each(testDatabases())('the statutory returns without a pseudonym key on $name', (database) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(database, { pseudonymKey: null })
  })
  afterAll(() => t?.close())

  it('takes nothing in, and says why', async () => {
    const analyst = await t.as('analyst')
    expect(text((await analyst.get('/outcomes/returns')).body)).toContain(
      'Extracts cannot be taken in until the server has a pseudonym key',
    )
    const refused = await upload(
      analyst,
      { kind: 'cin', year: YEAR },
      { filename: 'cin.xml', data: Buffer.from('<x/>') },
    )
    expect(refused.statusCode).toBe(400)
    expect(text(refused.body)).toContain('OVERSIGHT_PSEUDONYM_KEY must be set to read a statutory return')
  })
})
