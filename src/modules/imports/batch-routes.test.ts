import { randomUUID } from 'node:crypto'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Agent } from '../../../test/support/agent.ts'
import { testDatabases } from '../../../test/support/databases.ts'
import { ALL_ROLES, type TestApp, type TestRole, startTestApp } from '../../../test/support/harness.ts'
import {
  anchors,
  confirmation,
  count as countOf,
  errorSummary,
  heading,
  links,
  section,
  summaryList,
  table,
  tags,
  text,
} from '../../../test/support/html.ts'
import { fixtureCopy } from '../../../test/support/moderngov-changes.ts'
import { runImportCommand } from '../../../test/support/import-command.ts'
import { systemContext } from '#src/platform/auth/user.ts'
import { applyPlan } from './apply.ts'
import { writeBatch } from './batch-service.ts'
import { buildPlan } from './moderngov/build-plan.ts'
import { readResponseFolder } from './moderngov/read-folder.ts'

const FIXTURES = 'test/fixtures/moderngov'
const OTHERS: TestRole[] = ['member', 'officer', 'scrutiny_officer', 'analyst']

describe.each(testDatabases())('the import batches pages on $name', (database) => {
  let t: TestApp
  let clean: string
  const agents = {} as Record<TestRole, Agent>

  beforeAll(async () => {
    t = await startTestApp(database, { demo: false })
    for (const role of ALL_ROLES) agents[role] = await t.as(role)
    clean = await mkdtemp(join(tmpdir(), 'moderngov-batches-'))
    await cp(FIXTURES, clean, { recursive: true, filter: (source) => !source.endsWith('malformed.xml') })
  })
  afterAll(async () => {
    await t?.close()
    if (clean) await rm(clean, { recursive: true, force: true })
  })

  /** Runs the import command to make a batch for review; its id. */
  async function importBatch(folder = clean) {
    const { out } = await runImportCommand(['moderngov', folder], {
      openDatabase: () => Promise.resolve({ db: t.db, close: () => Promise.resolve() }),
    })
    const id = /^Review it at \/admin\/imports\/(.+)$/m.exec(out)?.[1]
    if (!id) throw new Error(`No batch made:\n${out}`)
    return id
  }

  const count = async (table: 'bodies' | 'meetings' | 'importSources' | 'auditEvents') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('says when there are no imports yet, and is linked from the admin page', async () => {
    const page = await agents.admin.get('/admin/imports')
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Imports')
    expect(text(page.body)).toContain('No imports yet')
    expect(links((await agents.admin.get('/admin')).body)).toContain('/admin/imports')
  })

  it('refuses every other role, sends the public to sign in, and answers 404 for an import that is not there', async () => {
    const id = await importBatch()
    const gets = ['/admin/imports', `/admin/imports/${id}`, `/admin/imports/${id}/discard`]
    const posts = [`/admin/imports/${id}/apply`, `/admin/imports/${id}/discard`]
    for (const url of gets) {
      const page = await agents.public.get(url)
      expect(page.statusCode, url).toBe(303)
      expect(page.headers.location, url).toMatch(/^\/sign-in\?returnTo=/)
      for (const role of OTHERS) expect((await agents[role].get(url)).statusCode, `${role} ${url}`).toBe(403)
    }
    for (const url of posts) {
      expect((await agents.public.post(url)).statusCode, url).toBe(303)
      for (const role of OTHERS) expect((await agents[role].post(url)).statusCode, `${role} ${url}`).toBe(403)
    }
    expect(links((await agents.member.get('/admin')).body)).not.toContain('/admin/imports')
    // Nothing was applied or discarded by the refused posts.
    expect(tags((await agents.admin.get(`/admin/imports/${id}`)).body, 'main')).toEqual(['Ready to review'])
    for (const url of [
      `/admin/imports/${randomUUID()}`,
      '/admin/imports/not-an-id',
      '/admin/imports/not-an-id/discard',
    ])
      expect((await agents.admin.get(url)).statusCode, url).toBe(404)
    expect((await agents.admin.post(`/admin/imports/${randomUUID()}/apply`)).statusCode).toBe(404)
  })

  it('shows an admin the batch to review: where from, what applying would do, what cannot be mapped', async () => {
    const id = await importBatch()
    const page = await agents.admin.get(`/admin/imports/${id}`)
    expect(page.statusCode).toBe(200)
    expect(heading(page.body)).toBe('Import from Modern.gov')
    expect(summaryList(page.body)).toMatchObject({
      Source: clean,
      Committees: 'All',
      Range: 'Meetings of any date',
      Status: 'Ready to review',
    })
    expect(summaryList(page.body).Made).toMatch(/from the command line$/)
    expect(table(page.body, { caption: 'What applying would do' })).toEqual([
      ['Records', 'To create', 'To update', 'To leave as they are'],
      ['Bodies', '4', '0', '0'],
      ['People', '4', '0', '0'],
      ['Memberships', '3', '0', '0'],
      ['Meetings', '4', '0', '0'],
      ['Agenda items', '6', '0', '0'],
      ['Attendance', '6', '0', '0'],
      ['Documents', '2', '0', '0'],
    ])
    expect(text(section(page.body, 'Cannot be mapped (5)'))).toContain(
      'meeting-2003-unknown-element.xml, meeting 2003: unknown element <hybridmeetinglink> on line 10',
    )
    expect(section(page.body, 'Files refused')).toBe('')
    expect(text(page.body)).toContain('Apply import')
  })

  it('applies a batch: the records are written, each audit event names the batch and the admin, and the page says what was written', async () => {
    const id = await importBatch()
    const applied = await agents.admin.post(`/admin/imports/${id}/apply`)
    expect(applied.statusCode).toBe(303)
    expect(applied.headers.location).toBe(`/admin/imports/${id}`)
    expect(await count('bodies')).toBe(4)

    const page = await agents.admin.get(`/admin/imports/${id}`)
    // One success banner: the page's own, which says what was written.
    expect(countOf(page.body, '.govuk-notification-banner')).toBe(1)
    expect(confirmation(page.body)).toBe('This import was applied')
    expect(text(page.body)).toContain('29 records created, 0 updated and 0 left as they were')
    expect(summaryList(page.body)).toMatchObject({ Status: 'Applied' })
    expect(summaryList(page.body).Applied).toMatch(/ by Demo admin$/)
    expect(table(page.body, { caption: 'What applying did' })[1]).toEqual(['Bodies', '4', '0', '0'])
    expect(text(page.body)).not.toContain('Apply import')

    const events = await t.db
      .selectFrom('auditEvents')
      .select(['action', 'actorLabel', 'correlationId'])
      .where('correlationId', '=', `import batch ${id}`)
      .execute()
    expect(events.filter((event) => event.action === 'imported body')).toHaveLength(4)
    expect(events.map((event) => event.action)).toContain('applied import batch')
    expect(new Set(events.map((event) => event.actorLabel)).size).toBe(1)
    expect(events[0]?.actorLabel).toMatch(/^Demo admin </)

    const list = await agents.admin.get('/admin/imports')
    expect(table(list.body)[1]).toEqual([
      clean,
      'Applied',
      expect.stringMatching(/From the command line$/),
      '29 created, 0 updated',
    ])
  })

  it('refuses to apply a batch twice, and changes nothing', async () => {
    const id = await importBatch()
    expect((await agents.admin.post(`/admin/imports/${id}/apply`)).statusCode).toBe(303)
    const before = { sources: await count('importSources'), audit: await count('auditEvents') }
    const again = await agents.admin.post(`/admin/imports/${id}/apply`)
    expect(again.statusCode).toBe(400)
    expect(errorSummary(again.body)).toEqual([
      'This import has been applied already: applying it again would change nothing.',
    ])
    expect({ sources: await count('importSources'), audit: await count('auditEvents') }).toEqual(before)
  })

  it('lists a record edited here since it was imported, with the fields that differ and a link to it', async () => {
    const march = '/meetings/2024-03-14-children-and-young-people-scrutiny-committee'
    const form = await agents.admin.openForm(`${march}/edit`)
    expect((await agents.admin.post(`${march}/edit`, { ...form, venue: 'The Grand Hall' })).statusCode).toBe(303)
    const changed = await fixtureCopy({
      'meeting-2001.xml': [['Committee Room A, Town Hall', 'Committee Room B, Town Hall']],
    })
    try {
      const page = await agents.admin.get(`/admin/imports/${await importBatch(changed)}`)
      const conflicts = section(page.body, 'Changed here since the last import (1)')
      expect(table(conflicts).slice(1)).toEqual([['Meeting 2001', 'venue', 'meeting-2001.xml']])
      expect(anchors(conflicts)).toEqual([{ href: march, text: 'Meeting 2001' }])
    } finally {
      await rm(changed, { recursive: true, force: true })
    }
  })

  it('offers no Apply for a batch whose plan has errors, and refuses it with the reasons', async () => {
    const id = await importBatch(FIXTURES)
    const page = await agents.admin.get(`/admin/imports/${id}`)
    expect(text(section(page.body, 'This import cannot be applied'))).toContain(
      'malformed.xml: line 10: unexpected close tag',
    )
    expect(text(section(page.body, 'Files refused (1)'))).toContain('malformed.xml: line 10: unexpected close tag')
    expect(text(page.body)).not.toContain('Apply import')
    const refused = await agents.admin.post(`/admin/imports/${id}/apply`)
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)).toEqual([
      'This import cannot be applied: malformed.xml: line 10: unexpected close tag.',
    ])
    expect(tags(refused.body, 'main')).toEqual(['Ready to review'])
  })

  it('shows a run of --apply that wrote nothing as failed, with why', async () => {
    const { out } = await runImportCommand(['moderngov', FIXTURES, '--apply'], {
      openDatabase: () => Promise.resolve({ db: t.db, close: () => Promise.resolve() }),
    })
    const id = /^See it at \/admin\/imports\/(.+)$/m.exec(out)?.[1]
    const page = await agents.admin.get(`/admin/imports/${id}`)
    expect(tags(page.body, 'main')).toEqual(['Failed'])
    expect(text(page.body)).toContain(
      'This import failed: Nothing was written: malformed.xml: line 10: unexpected close tag',
    )
    expect(text(page.body)).not.toContain('Apply import')
  })

  it('discards a batch after asking, and it cannot be applied after', async () => {
    const id = await importBatch()
    const confirm = await agents.admin.get(`/admin/imports/${id}/discard`)
    expect(heading(confirm.body)).toBe('Are you sure you want to discard this import?')
    const discarded = await agents.admin.post(`/admin/imports/${id}/discard`)
    expect(discarded.statusCode).toBe(303)
    const page = await agents.admin.get(`/admin/imports/${id}`)
    expect(summaryList(page.body)).toMatchObject({ Status: 'Discarded' })
    expect(summaryList(page.body).Discarded).toMatch(/ by Demo admin$/)
    const before = await count('importSources')
    const apply = await agents.admin.post(`/admin/imports/${id}/apply`)
    expect(apply.statusCode).toBe(400)
    expect(errorSummary(apply.body)).toEqual([
      'This import was discarded, so it cannot be applied. Run the import again.',
    ])
    expect(await count('importSources')).toBe(before)
    const again = await agents.admin.post(`/admin/imports/${id}/discard`)
    expect(errorSummary(again.body)).toEqual(['This import was discarded already.'])
  })

  it('writes nothing when the database refuses a record half-way, keeps the batch ready and says why', async () => {
    // A fresh database, so that every record of the plan would be new.
    const fresh = await startTestApp(database, { demo: false })
    try {
      const admin = await fresh.as('admin')
      const plan = buildPlan(await readResponseFolder(clean), { bodies: [], from: null, to: null, today: '2024-06-01' })
      const preview = await applyPlan(fresh.db, systemContext(), plan, { preview: true })
      // Attendance is written last: bodies, people, meetings and items are in the transaction when it fails.
      const last = plan.attendance.at(-1)!
      ;(last as { status: string }).status = 'asleep'
      plan.documents.push({
        ...plan.documents[0],
        title: 'Budget appendix',
        missing: 'the site answered 404 Not Found',
        sourceAddress: 'https://example.gov.uk/documents/s1234/Budget.pdf',
      })
      const id = randomUUID()
      await writeBatch(fresh.db, systemContext(), {
        id,
        source: clean,
        options: { bodies: [], from: null, to: null },
        plan,
        preview,
        status: 'ready',
      })
      const page = await admin.get(`/admin/imports/${id}`)
      expect(text(section(page.body, 'Documents missing (1)'))).toContain(
        'Budget appendix: the site answered 404 Not Found (https://example.gov.uk/documents/s1234/Budget.pdf)',
      )
      const refused = await admin.post(`/admin/imports/${id}/apply`)
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)[0]).toMatch(
        /^Nothing was written: the database refused a record, so the whole import was undone \(.+\)\.$/,
      )
      expect(tags(refused.body, 'main')).toEqual(['Ready to review'])
      for (const table of ['bodies', 'meetings', 'importSources'] as const)
        expect(
          Number(
            (
              await fresh.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
          table,
        ).toBe(0)
    } finally {
      await fresh.close()
    }
  })

  it('pages the list, newest first', async () => {
    // 21 more, a minute apart, the last the newest of all.
    const plan = JSON.stringify({ bodies: [], people: [], memberships: [], meetings: [], items: [], attendance: [] })
    for (let n = 0; n < 21; n += 1)
      await t.db
        .insertInto('importBatches')
        .values({
          system: 'moderngov',
          source: `folder-${n}`,
          options: JSON.stringify({ bodies: [], from: null, to: null }),
          plan,
          status: 'ready',
          createdAt: new Date(Date.now() + (n + 1) * 60_000),
        })
        .execute()
    const first = await agents.admin.get('/admin/imports')
    expect(table(first.body).slice(1)).toHaveLength(20)
    expect(table(first.body)[1]?.[0]).toBe('folder-20')
    expect(links(first.body)).toContain('/admin/imports?page=2')
    const second = await agents.admin.get('/admin/imports?page=2')
    expect(
      table(second.body)
        .slice(1)
        .map((row) => row[0]),
    ).not.toContain('folder-20')
  })
})
