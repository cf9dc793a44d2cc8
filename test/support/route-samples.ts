import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SYNTH_FILES, writeSyntheticReturns } from '#src/modules/returns/index.ts'
import type { Agent } from './agent.ts'
import type { TestApp } from './harness.ts'
import { multipartForm } from './sample-files.ts'

/**
 * Real addresses for the app's route patterns, on demo records each route can show: shared by the
 * tests that request every route (src/every-route.test.ts and its fuzz sibling). A new route with
 * no sample here fails both.
 */

export const BODY = 'children-and-young-peoples-scrutiny-committee'
export const JANUARY = `2024-01-25-${BODY}`
export const MARCH = `2024-03-27-${BODY}`

/**
 * Pages that are also offered as papers (`?format=pdf` and `?format=docx`): each is tried as every
 * role, and must answer as its page does.
 */
export const PAPER_SAMPLES = [
  `/bodies/${BODY}/recommendations`,
  `/bodies/${BODY}/recommendations?rag=red&on=2023-12-01`,
  `/bodies/${BODY}/work-programme`,
  `/bodies/${BODY}/decisions`,
  `/bodies/${BODY}/decisions?since=2023-01-01&on=2023-12-31`,
  '/forward-plan',
  '/forward-plan/2024-01',
  '/waiting-lists?month=2023-12',
  '/improvement-plans/childrens-social-care-improvement-plan?since=2023-10-01',
  '/improvement-plans/childrens-social-care-improvement-plan?on=2023-12-31',
  '/outcomes',
  '/outcomes?period=2024-03',
]

/** The ids of the demo records the sample addresses name (ids are made when the demo is loaded). */
/** The token of the sample subscription to email alerts: its confirming and leaving links. */
export const SAMPLE_ALERT_TOKEN = 'SampleAlertToken_for-every-route-0123456789'

export interface SampleRecords {
  /** An outbox message GOV.UK Notify refused. */
  failedMessage: string
  attendance: string
  declaration: string
  /** A draft of the September minutes kept as if they had been approved with amendments. */
  publishedDraft: string
  resolution: string
  publishedResolution: string
  appendix: string
  recommendation: string
  workItem: string
  milestone: string
  finding: string
  theme: string
  indicatorGroup: string
  /** The account the admin's account pages are tried on. */
  account: string
  /** An import batch ready for review, with an empty plan. */
  importBatch: string
  /** A synthetic CIN census taken in, and the indicators computed from it (not published). */
  extract: string
  computation: string
}

async function first<T extends Record<string, unknown>>(query: Promise<T | undefined>) {
  const row = await query
  if (!row) throw new Error('The demo data lacks a sample record')
  return row
}

/** A small synthetic CIN census taken in by the analyst, and the indicators computed from it. */
export async function sampleReturns(t: TestApp) {
  const folder = await mkdtemp(join(tmpdir(), 'oversight-samples-'))
  try {
    await writeSyntheticReturns({ children: 30, year: '2023-24', out: folder, seed: 2 })
    const analyst = await t.as('analyst')
    const form = multipartForm(
      { _csrf: await analyst.token(), kind: 'cin', year: '2023-24' },
      { filename: SYNTH_FILES.cin, data: await readFile(join(folder, SYNTH_FILES.cin)) },
    )
    const taken = await analyst.inject({ method: 'POST', url: '/outcomes/returns/upload', ...form })
    const computed = await analyst.post('/outcomes/returns/compute', { year: '2023-24' })
    if (taken.statusCode !== 303 || computed.statusCode !== 303)
      throw new Error(`Taking in a sample return answered ${taken.statusCode}, ${computed.statusCode}`)
    return {
      extract: String(taken.headers.location).split('/').pop()!,
      computation: String(computed.headers.location).split('/').pop()!,
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/**
 * Draft minutes of the January meeting, for the pages that change draft minutes: attendance, a
 * declaration and a resolution, recorded through the app as a scrutiny officer would. Returns the
 * ids of those and of the other records the sample addresses name.
 */
export async function prepareSamples(t: TestApp, scrutiny: Agent): Promise<SampleRecords> {
  const db = t.db
  const draft = `/meetings/${JANUARY}/minutes`
  const steps = [
    await scrutiny.post(`${draft}/start`),
    await scrutiny.post(`${draft}/attendance/members`),
    await scrutiny.post(`${draft}/items/4/resolutions`, { text: 'To note the decisions.' }),
    // A public question for its edit form (/questions/1/edit).
    await scrutiny.post(`/meetings/${JANUARY}/questions/new`, {
      question: 'How many children wait for a placement?',
      'receivedOn-day': '20',
      'receivedOn-month': '1',
      'receivedOn-year': '2024',
    }),
    // A motion and an amendment to it, for their edit forms (/motions/1/edit, /motions/1/amendments/1/edit).
    await scrutiny.post(`/meetings/${JANUARY}/motions/new`, { text: 'That the committee notes the report.' }),
    await scrutiny.post(`/meetings/${JANUARY}/motions/1/amendments/new`, { text: 'Add "with thanks".' }),
    // A vote on item 4's recommendation for its edit form (/votes/1/edit).
    await scrutiny.post(`/meetings/${JANUARY}/votes/new?item=4`, {
      description: 'Recommendation 1',
      votesFor: '0',
      votesAgainst: '0',
      abstentions: '0',
    }),
    // A deputation for its edit form (/speakers/1/edit).
    await scrutiny.post(`/meetings/${JANUARY}/speakers/new`, { kind: 'deputation', onBehalfOf: 'A residents group' }),
    // A kept agenda pack for its address (/papers/1.pdf): the demo's agenda was published before packs were kept.
    await scrutiny.post(`/meetings/${JANUARY}/agenda/republish`, { reason: 'A sample correction.' }),
  ]
  const statuses = steps.map((response) => response.statusCode)
  if (statuses.some((status) => status !== 303)) {
    throw new Error(`Drafting the January minutes answered ${statuses.join(', ')}`)
  }
  const january = await first(db.selectFrom('meetings').select('id').where('slug', '=', JANUARY).executeTakeFirst())
  const present = await first(
    db.selectFrom('attendance').select(['id', 'personId']).where('meetingId', '=', january.id).executeTakeFirst(),
  )
  const item4 = await first(
    db
      .selectFrom('agendaItems')
      .select('id')
      .where('meetingId', '=', january.id)
      .where('number', '=', '4')
      .executeTakeFirst(),
  )
  const declared = await scrutiny.post(`${draft}/declarations`, {
    personId: present.personId!,
    itemIds: item4.id,
    category: 'non-registrable interest',
    nature: 'A relative works at the school.',
    leftRoom: 'yes',
  })
  if (declared.statusCode !== 303) throw new Error(`Recording a declaration answered ${declared.statusCode}`)
  // A call-in of EX48/2023, for the form that records what became of it.
  const calledIn = await scrutiny.post('/decisions/ex48-2023/call-ins', {
    requestedBy: 'Councillors of the committee',
    'requestedOn-day': '13',
    'requestedOn-month': '12',
    'requestedOn-year': '2023',
    grounds: 'To test the call-in pages.',
  })
  if (calledIn.statusCode !== 303) throw new Error(`Recording a call-in answered ${calledIn.statusCode}`)
  // The demo has no petitions: one for the petition's page and its change form.
  const petition = await scrutiny.post('/petitions', { title: 'Sample petition', paperSignatures: '10' })
  if (petition.statusCode !== 303) throw new Error(`Recording a petition answered ${petition.statusCode}`)
  // Published (not yet approved) minutes, for tracking a resolution, unpublishing and approving.
  const november = await first(
    db.selectFrom('meetings').select('id').where('slug', '=', `2023-11-09-${BODY}`).executeTakeFirst(),
  )
  // A recorded vote in the published November minutes, for the open data to show with a member's name.
  const voter = await first(
    db
      .selectFrom('attendance')
      .select('personId')
      .where('meetingId', '=', november.id)
      .where('capacity', '=', 'member')
      .where('status', '=', 'present')
      .where('personId', 'is not', null)
      .executeTakeFirst(),
  )
  const voted = await scrutiny.post(`/meetings/2023-11-09-${BODY}/votes/new?item=1`, {
    description: 'Recommendation 1',
    votesFor: '1',
    votesAgainst: '0',
    abstentions: '0',
    recorded: 'yes',
    [`vote-${voter.personId}`]: 'for',
  })
  if (voted.statusCode !== 303) throw new Error(`Recording a vote answered ${voted.statusCode}`)
  const id = async (query: Promise<{ id: string } | undefined>) => (await first(query)).id
  // The demo's minutes were approved as written, and its date comes before any meeting that could
  // approve the November minutes: so the kept draft is written here, as the approval would write it.
  const september = await first(
    db.selectFrom('meetings').select('id').where('slug', '=', `2023-09-21-${BODY}`).executeTakeFirst(),
  )
  const publishedDraft = await db
    .insertInto('minutesVersions')
    .values({ meetingId: september.id, publishedAt: null, replacedOn: '2023-11-09', content: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow()
  // An import batch to review, as the import command keeps one; its plan found nothing.
  const plan = { bodies: [], people: [], memberships: [], meetings: [], items: [], attendance: [], documents: [] }
  const importBatch = await db
    .insertInto('importBatches')
    .values({
      system: 'moderngov',
      source: 'moderngov-responses',
      options: JSON.stringify({ bodies: [], from: null, to: null }),
      plan: JSON.stringify({ ...plan, notMapped: [], errors: [] }),
      status: 'ready',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A subscription to email alerts, not yet confirmed, for the pages its links open.
  const body = await first(db.selectFrom('bodies').select('id').where('slug', '=', BODY).executeTakeFirst())
  await db
    .insertInto('alertSubscriptions')
    .values({ bodyId: body.id, email: 'sample@example.org', token: SAMPLE_ALERT_TOKEN })
    .execute()
  // A message GOV.UK Notify refused, for sending again.
  const failedMessage = await db
    .insertInto('outboxMessages')
    .values({
      kind: 'alert confirmation',
      dedupeKey: 'sample-failed-message',
      userId: null,
      recipient: 'sample@example.org',
      subject: 'Confirm your email alerts',
      body: 'Confirm here.',
      createdOn: '2024-01-22',
      personalisation: JSON.stringify({ body_name: 'Sample', confirm_url: 'https://example.org/confirm' }),
      delivery: 'failed',
      deliveryError: 'GOV.UK Notify answered 400: Missing personalisation',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const returns = await sampleReturns(t)
  return {
    ...returns,
    failedMessage: failedMessage.id,
    importBatch: importBatch.id,
    attendance: present.id,
    publishedDraft: publishedDraft.id,
    declaration: await id(
      db.selectFrom('declarations').select('id').where('meetingId', '=', january.id).executeTakeFirst(),
    ),
    resolution: await id(
      db.selectFrom('resolutions').select('id').where('agendaItemId', '=', item4.id).executeTakeFirst(),
    ),
    publishedResolution: await id(
      db
        .selectFrom('resolutions')
        .innerJoin('agendaItems', 'agendaItems.id', 'resolutions.agendaItemId')
        .select('resolutions.id')
        .where('agendaItems.meetingId', '=', november.id)
        .executeTakeFirst(),
    ),
    appendix: await id(
      db.selectFrom('appendices').select('id').where('label', '=', 'Appendix 4(a)').executeTakeFirst(),
    ),
    recommendation: await id(
      db.selectFrom('recommendations').select('id').where('number', '=', '1').executeTakeFirst(),
    ),
    workItem: await id(db.selectFrom('workProgrammeItems').select('id').executeTakeFirst()),
    milestone: await id(db.selectFrom('planMilestones').select('id').executeTakeFirst()),
    finding: await id(
      db
        .selectFrom('inspectionFindings')
        .innerJoin('inspections', 'inspections.id', 'inspectionFindings.inspectionId')
        .select('inspectionFindings.id')
        .where('inspections.slug', '=', 'ilacs-2022')
        .executeTakeFirst(),
    ),
    indicatorGroup: await id(db.selectFrom('indicatorGroups').select('id').executeTakeFirst()),
    theme: await id(
      db
        .selectFrom('planThemes')
        .innerJoin('improvementPlans', 'improvementPlans.id', 'planThemes.planId')
        .select('planThemes.id')
        .where('improvementPlans.slug', '=', 'childrens-social-care-improvement-plan')
        .executeTakeFirst(),
    ),
    account: await id(
      db.selectFrom('users').select('id').where('email', '=', 'officer@example.org').executeTakeFirst(),
    ),
  }
}

/** A real address for a route pattern, on demo records the route can show. */
export function sampleAddress(url: string, ids: SampleRecords): string {
  const filled = url
    // Publishing, unpublishing and approving: the November minutes, published and not yet approved.
    .replace(/^\/meetings\/:slug\/minutes\/(unpublish|approve)$/, `/meetings/2023-11-09-${BODY}/minutes/$1`)
    .replace(
      /^\/meetings\/:slug\/minutes\/versions\/:id$/,
      `/meetings/2023-09-21-${BODY}/minutes/versions/${ids.publishedDraft}`,
    )
    // The published minutes a visitor reads; everything else about minutes: the January draft.
    .replace(/^\/meetings\/:slug\/minutes\.(pdf|docx)$/, `/meetings/2023-11-09-${BODY}/minutes.$1`)
    .replace(/^\/meetings\/:slug\/minutes$/, `/meetings/2023-11-09-${BODY}/minutes`)
    .replace(/^\/meetings\/:slug\/minutes\/items\/:position/, `/meetings/${JANUARY}/minutes/items/4`)
    .replace(
      /^\/meetings\/:slug\/minutes\/attendance\/:id/,
      `/meetings/${JANUARY}/minutes/attendance/${ids.attendance}`,
    )
    .replace(
      /^\/meetings\/:slug\/minutes\/declarations\/:id/,
      `/meetings/${JANUARY}/minutes/declarations/${ids.declaration}`,
    )
    .replace(
      /^\/meetings\/:slug\/minutes\/resolutions\/:id/,
      `/meetings/${JANUARY}/minutes/resolutions/${ids.resolution}`,
    )
    .replace(
      /^\/meetings\/:slug\/items\/:position\/report\/appendices\/:id/,
      `/meetings/${JANUARY}/items/4/report/appendices/${ids.appendix}`,
    )
    .replace(/^\/meetings\/:slug\/items\/:position/, `/meetings/${JANUARY}/items/4`)
    .replace(/^\/meetings\/:slug\/questions\/:n/, `/meetings/${JANUARY}/questions/1`)
    .replace(/^\/meetings\/:slug\/motions\/:n\/amendments\/:m/, `/meetings/${JANUARY}/motions/1/amendments/1`)
    .replace(/^\/meetings\/:slug\/motions\/:n/, `/meetings/${JANUARY}/motions/1`)
    .replace(/^\/meetings\/:slug\/votes\/new$/, `/meetings/${JANUARY}/votes/new?item=4`)
    .replace(/^\/meetings\/:slug\/votes\/:n/, `/meetings/${JANUARY}/votes/1`)
    .replace(/^\/meetings\/:slug\/speakers\/:n/, `/meetings/${JANUARY}/speakers/1`)
    .replace(/^\/meetings\/:slug\/papers\/:file$/, `/meetings/${JANUARY}/papers/1.pdf`)
    .replace(/^\/meetings\/:slug/, `/meetings/${JANUARY}`)
    .replace(/^\/api\/v1\/meetings\/:id/, `/api/v1/meetings/${JANUARY}`)
    .replace(/^\/api\/v1\/bodies\/:id/, `/api/v1/bodies/${BODY}`)
    .replace(/^\/api\/v1\/people\/:id/, '/api/v1/people/jo-snape')
    .replace(/^\/alerts\/:token/, `/alerts/${SAMPLE_ALERT_TOKEN}`)
    .replace(/^\/bodies\/:slug\/work-programme\/:id/, `/bodies/${BODY}/work-programme/${ids.workItem}`)
    .replace(/^\/bodies\/:slug/, `/bodies/${BODY}`)
    .replace(/^\/people\/:slug/, '/people/kath-benson')
    .replace(/^\/documents\/:id/, '/documents/00000000-0000-4000-8000-000000000000')
    .replace(/^\/recommendations\/from-resolution\/:id/, `/recommendations/from-resolution/${ids.publishedResolution}`)
    .replace(/^\/recommendations\/:id/, `/recommendations/${ids.recommendation}`)
    .replace(/^\/resolutions\/:id/, `/resolutions/${ids.publishedResolution}`)
    .replace(/^\/decisions\/:slug\/documents\/:number/, '/decisions/ex48-2023/documents/1')
    .replace(/^\/decisions\/:slug\/call-ins\/:number/, '/decisions/ex48-2023/call-ins/1')
    .replace(/^\/decisions\/:slug/, '/decisions/ex48-2023')
    .replace(/^\/forward-plan\/:plan\/items\/:item/, '/forward-plan/2024-01/items/12-2022')
    .replace(/^\/forward-plan\/:plan/, '/forward-plan/2024-01')
    .replace(/^\/admin\/accounts\/:id/, `/admin/accounts/${ids.account}`)
    .replace(/^\/admin\/outbox\/:id/, `/admin/outbox/${ids.failedMessage}`)
    .replace(/^\/admin\/imports\/:id/, `/admin/imports/${ids.importBatch}`)
    .replace(/^\/petitions\/:slug/, '/petitions/sample-petition')
    .replace(/^\/waiting-lists\/:service\/figures\/:month/, '/waiting-lists/camhs/figures/2023-12')
    .replace(/^\/waiting-lists\/:service/, '/waiting-lists/camhs')
    .replace(/^\/improvement-plans\/milestones\/:id/, `/improvement-plans/milestones/${ids.milestone}`)
    .replace(
      /^\/improvement-plans\/:slug\/milestones\/:id/,
      `/improvement-plans/childrens-social-care-improvement-plan/milestones/${ids.milestone}`,
    )
    .replace(
      /^\/improvement-plans\/:slug\/themes\/:id/,
      `/improvement-plans/childrens-social-care-improvement-plan/themes/${ids.theme}`,
    )
    .replace(
      /^\/improvement-plans\/:slug\/actions\/:reference/,
      '/improvement-plans/childrens-social-care-improvement-plan/actions/1.5',
    )
    .replace(/^\/improvement-plans\/:slug/, '/improvement-plans/childrens-social-care-improvement-plan')
    .replace(/^\/inspections\/:slug\/findings\/:id/, `/inspections/ilacs-2022/findings/${ids.finding}`)
    .replace(/^\/inspections\/:slug/, '/inspections/ilacs-2022')
    .replace(/^\/api\/v1\/improvement-plans\/:id/, '/api/v1/improvement-plans/childrens-social-care-improvement-plan')
    .replace(/^\/outcomes\/groups\/:id/, `/outcomes/groups/${ids.indicatorGroup}`)
    .replace(/^\/outcomes\/returns\/extracts\/:id/, `/outcomes/returns/extracts/${ids.extract}`)
    .replace(/^\/outcomes\/returns\/computations\/:id/, `/outcomes/returns/computations/${ids.computation}`)
    .replace(/^\/outcomes\/:code\/:period/, '/outcomes/OF3.1/2024-03')
    .replace(/^\/outcomes\/:code/, '/outcomes/OF3.1')
    .replace(
      /^\/(assets|vendor|static)\/\*$/,
      (_, dir: string) =>
        ({
          assets: '/assets/images/favicon.svg',
          vendor: '/vendor/moj-frontend.min.css',
          static: '/static/oversight.css',
        })[dir]!,
    )
  if (filled.includes(':') || filled.includes('*'))
    throw new Error(`No sample address for ${url}: add one to sampleAddress()`)
  return filled
}

/** A registered route and a pattern its addresses match. */
export interface RoutePattern {
  method: string
  url: string
  pattern: RegExp
}

export function routePatterns(table: readonly { method: string; url: string }[]): RoutePattern[] {
  const segment = (part: string) =>
    part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return table.map((route) => ({ ...route, pattern: new RegExp(`^${route.url.split('/').map(segment).join('/')}$`) }))
}

/** The route a same-site address goes to (the most specific when several match). */
export function routeOf(routes: RoutePattern[], method: string, address: string): RoutePattern | undefined {
  const path = address.split(/[?#]/)[0]
  return routes
    .filter((route) => route.method === method && route.pattern.test(path))
    .sort((a, b) => a.url.split(':').length - b.url.split(':').length)[0]
}

/** How many parameters (and wildcards) a route pattern has. */
export const parameterCount = (url: string) =>
  url.split('/').filter((part) => part.startsWith(':') || part === '*').length

/** The sample address of a route with its nth parameter (every one, when n is -1) replaced by `value`. */
export function withParameter(url: string, ids: SampleRecords, n: number, value: string): string {
  const parts = url.split('/')
  const address = sampleAddress(url, ids).split('/')
  let seen = -1
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].startsWith(':') && parts[i] !== '*') continue
    seen++
    if (n !== -1 && seen !== n) continue
    if (parts[i] === '*') return [...address.slice(0, i), value].join('/')
    address[i] = value
  }
  return address.join('/')
}
