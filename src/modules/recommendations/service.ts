import type { Db } from '#src/database.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Clock } from '#src/platform/clock.ts'
import { groupBy } from '#src/platform/collections.ts'
import { NotFoundError } from '#src/platform/http/errors.ts'
import { createRecommendationChanges, notResponsible } from './changes.ts'
import { type BodiesService } from '#src/modules/bodies/index.ts'
import { monthOrDateLabel } from '#src/modules/workprogramme/index.ts'
import { RAGS, RAG_LABELS, RAG_ORDER, type Rag, isOverdue, ragOf, targetDueOn } from './rag.ts'
import type { RecommendationRow, RecommendationsRepository, UpdateRow } from './repository.ts'
import { type MinutesReader, createResolutionFinder } from './resolution-source.ts'
import { responseDueOn, responseIsOverdue } from './response-due.ts'
import type { TrackerQuery, TrackerSort } from './schema.ts'

export interface RecommendationsDeps {
  db: Db
  repository: RecommendationsRepository
  clock: Clock
  bodies: BodiesService
  minutes: MinutesReader
  /** Keep the tracker's facts from one request to the next until the data changes (readsUntilChanged). */
  readsAcrossRequests?: boolean
}

type Person = Awaited<ReturnType<BodiesService['getPeopleByIds']>>[number]

/** One collator for every comparison: localeCompare with a locale builds a new one each call. */
const NUMBER_ORDER = new Intl.Collator('en-GB', { numeric: true })

/** Natural order of the body's own numbers: 2 before 10, then anything that is not a number. */
export function compareNumbers(a: { number: string }, b: { number: string }): number {
  return NUMBER_ORDER.compare(a.number, b.number)
}

/** A recommendation as pages and the API show it: its officer, latest update, RAG and response due date. */
function present(
  row: RecommendationRow,
  updatesByRecommendation: Map<string, UpdateRow[]>,
  peopleById: Map<string, Person>,
  today: string,
) {
  const own = updatesByRecommendation.get(row.id) ?? []
  const latestUpdate = own[0] ?? null
  const rag = ragOf({ ...row, latestUpdateOn: latestUpdate?.onDate ?? null }, today)
  const officer = row.responsiblePersonId ? peopleById.get(row.responsiblePersonId) : undefined
  return {
    ...row,
    responsibleOfficer: officer
      ? { id: officer.id, name: officer.name, slug: officer.slug, jobTitle: officer.jobTitle }
      : null,
    updates: own,
    latestUpdate,
    rag: {
      ...rag,
      label: RAG_LABELS[rag.rag],
      order: RAG_ORDER[rag.rag],
      computedLabel: RAG_LABELS[rag.computed],
    },
    /** "31 March 2025", or "March 2025" for a month; null while to be confirmed. */
    target: monthOrDateLabel({ month: row.targetMonth, on: row.targetDate }) || null,
    dueOn: targetDueOn(row),
    overdue: isOverdue(row, today),
    responseDueOn: row.toExecutive && row.referredOn ? responseDueOn(row.referredOn) : null,
    responseOverdue: responseIsOverdue(row, today),
  }
}

export type RecommendationView = ReturnType<typeof present>

/** Recommendations the tracker shows on one page. */
export const TRACKER_PAGE_SIZE = 50

/** A recommendation as it stood on `on`: completed or withdrawn only from the day it was. */
function asItStood<T extends Pick<RecommendationRow, 'status' | 'completedOn' | 'withdrawnOn'>>(row: T, on: string): T {
  const closedOn = row.status === 'complete' ? row.completedOn : row.status === 'withdrawn' ? row.withdrawnOn : null
  return closedOn && closedOn > on ? { ...row, status: 'open', completedOn: null, withdrawnOn: null } : row
}

/** What the tracker filters and orders by: a recommendation's status, officer, RAG rating and due day. */
interface TrackerFacts {
  id: string
  number: string
  status: RecommendationRow['status']
  responsiblePersonId: string | null
  rag: Rag
  overdue: boolean
  dueOn: string | null
}

function matches(facts: TrackerFacts, query: Partial<TrackerQuery>): boolean {
  if (query.status && facts.status !== query.status) return false
  if (query.rag && facts.rag !== query.rag) return false
  if (query.officer && facts.responsiblePersonId !== query.officer) return false
  return !(query.overdue && !facts.overdue)
}

/** The tracker's orders; each falls back to the body's numbering. */
const TRACKER_ORDERS: Record<TrackerSort, (a: TrackerFacts, b: TrackerFacts) => number> = {
  number: compareNumbers,
  target: (a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') || compareNumbers(a, b),
  rag: (a, b) => RAG_ORDER[a.rag] - RAG_ORDER[b.rag] || compareNumbers(a, b),
}

export function createRecommendationsService(deps: RecommendationsDeps) {
  const { repository: repo, clock, bodies } = deps
  const resolutions = createResolutionFinder(deps.minutes)
  // What the tracker counts and orders a committee's recommendations by, rated as they stood on a day:
  // the same for everyone (the tracker is public), and a large committee has hundreds.
  // A body's recommendations as they stood on a day, in the body's numbering, which the tracker shows
  // them in unless asked otherwise: sorted once, as they are kept.
  // With them, kept as they are, what the tracker says of all of them: how many of each rating, and the
  // officers responsible, to filter by.
  const trackerFacts = readsUntilChanged(
    'tracker facts',
    async (ctx: Context, bodyId: string, on: string) => {
      const all: TrackerFacts[] = (await repo.trackerFacts(bodyId, on))
        .map((row) => {
          const stood = asItStood(row, on)
          return { ...stood, rag: ragOf(stood, on).rag, overdue: isOverdue(stood, on), dueOn: targetDueOn(stood) }
        })
        .sort(compareNumbers)
      const counts = Object.fromEntries(RAGS.map((rag) => [rag, 0])) as Record<Rag, number>
      for (const facts of all) counts[facts.rag]++
      const officerIds = [...new Set(all.flatMap((facts) => facts.responsiblePersonId ?? []))]
      // The register is public and kept until the data changes, as these facts are.
      const officers = (await bodies.getPeopleByIds(ctx, officerIds))
        .map((person) => ({ id: person.id, name: person.name, slug: person.slug, jobTitle: person.jobTitle }))
        .sort((a, b) => a.name.localeCompare(b.name))
      return { all, counts, officers }
    },
    { acrossRequests: deps.readsAcrossRequests ?? false, keep: 50 },
  )

  /** `on`: as the record stood that day (its updates to then, the RAG rating for that day); today by default. */
  async function presentAll(
    ctx: Context,
    rows: (RecommendationRow & { updates?: UpdateRow[] })[],
    on = clock.today(),
    known?: Person[],
  ) {
    const personIds = [...new Set(rows.map((row) => row.responsiblePersonId).filter((id): id is string => !!id))]
    const [updates, people] = await Promise.all([
      // Rows read with their updates (listWithUpdates) need no second query.
      rows.every((row) => row.updates)
        ? rows.flatMap((row) => row.updates!)
        : repo.updatesOf(rows.map((row) => row.id)),
      known ?? bodies.getPeopleByIds(ctx, personIds),
    ])
    const toDate = groupBy(
      updates.filter((update) => update.onDate <= on),
      (update) => update.recommendationId,
    )
    const peopleById = new Map(people.map((person) => [person.id, person]))
    return rows.map((row) => present(row, toDate, peopleById, on)).sort(compareNumbers)
  }

  // The recommendations a page of the tracker shows (their ids, comma-separated, in the order shown),
  // with their words and updates, as they stood on a day: the same for everyone, and kept as the facts are.
  const trackerShown = readsUntilChanged(
    'tracker shown',
    async (ctx: Context, on: string, ids: string) => {
      const order = ids ? ids.split(',') : []
      const position = new Map(order.map((id, index) => [id, index]))
      const rows = await repo.recommendationsByIds(order)
      const views = await presentAll(
        ctx,
        rows.map((row) => asItStood(row, on)),
        on,
      )
      return views.sort((a, b) => position.get(a.id)! - position.get(b.id)!)
    },
    { acrossRequests: deps.readsAcrossRequests ?? false, keep: 50 },
  )

  // Open recommendations that are red on `today` or due by `byDate`, as the public reads them: kept
  // until the data changes (or the day does), for the committee's page.
  const needingAttention = readsUntilChanged(
    'recommendations needing attention',
    async (ctx: Context, bodyId: string, byDate: string, today: string) => {
      const views = await presentAll(ctx, await repo.listWithUpdates(bodyId), today)
      return views.filter(
        (view) => view.status === 'open' && (view.rag.rag === 'red' || (view.dueOn !== null && view.dueOn <= byDate)),
      )
    },
    { acrossRequests: deps.readsAcrossRequests ?? false, keep: 50 },
  )

  async function findOrThrow(id: string) {
    const row = await repo.findRecommendation(id)
    if (!row) throw new NotFoundError('Recommendation')
    return row
  }

  /** Scrutiny officers may post on any recommendation; an officer only on those they are responsible for. */
  function mayPostUpdate(ctx: Context, row: { responsiblePersonId: string | null }) {
    if (can(ctx.user, 'recommendations:edit')) return true
    return (
      can(ctx.user, 'recommendations:update') && !!ctx.user?.personId && ctx.user.personId === row.responsiblePersonId
    )
  }

  const reading = {
    /**
     * A body's tracker, public: the recommendations matching the filter in the order asked for (one
     * page of them when `page` is given, the last when it is past the end; all for the downloads),
     * how many match, the count of each RAG rating over all of them, and the officers to filter by.
     * Only what filters and orders them is read for all; the words and updates only for those shown.
     */
    async trackerOf(
      ctx: Context,
      bodySlug: string,
      query: Partial<TrackerQuery> = {},
      on = clock.today(),
      page?: number,
    ) {
      const body = await bodies.getBody(ctx, bodySlug)
      const { all, counts, officers } = await trackerFacts(ctx, body.id, on)
      // In the body's numbering already (trackerFacts); another order is sorted from it.
      const sort = query.sort ?? 'number'
      const matching = all.filter((facts) => matches(facts, query))
      if (sort !== 'number') matching.sort(TRACKER_ORDERS[sort])
      const pages = Math.max(1, Math.ceil(matching.length / TRACKER_PAGE_SIZE))
      const pageShown = page ? Math.min(page, pages) : null
      const shown = pageShown
        ? matching.slice((pageShown - 1) * TRACKER_PAGE_SIZE, pageShown * TRACKER_PAGE_SIZE)
        : matching
      const views = await trackerShown(ctx, on, shown.map((facts) => facts.id).join(','))
      return {
        body: { id: body.id, slug: body.slug, name: body.name },
        recommendations: views,
        total: all.length,
        matched: matching.length,
        counts,
        /** The officers responsible for any of them, by name: the same array while the facts are kept. */
        officers,
        page: pageShown,
        pageSize: TRACKER_PAGE_SIZE,
        today: on,
      }
    },

    /** One recommendation with its updates, source and what this viewer may do to it. Public. */
    async getRecommendation(ctx: Context, id: string) {
      const row = await findOrThrow(id)
      const [[view], body, source] = await Promise.all([
        presentAll(ctx, [row]),
        bodies.getBodyById(ctx, row.bodyId),
        resolutions.sourceOf(ctx, row),
      ])
      return {
        ...view,
        body,
        source,
        canEdit: can(ctx.user, 'recommendations:edit'),
        canPostUpdate: mayPostUpdate(ctx, row),
        today: clock.today(),
      }
    },

    /**
     * For the update form: the recommendation and its body, without its source in the minutes,
     * which the form does not show. Refuses (403) anyone who may not post on this recommendation.
     */
    async getForUpdate(ctx: Context, id: string) {
      assertCan(ctx.user, 'recommendations:update')
      const row = await findOrThrow(id)
      if (!mayPostUpdate(ctx, row)) throw notResponsible()
      const [[view], body] = await Promise.all([presentAll(ctx, [row]), bodies.getBodyById(ctx, row.bodyId)])
      return { ...view, body, today: clock.today() }
    },

    /** The signed-in officer's own recommendations, open ones first by target date. */
    async myRecommendations(ctx: Context) {
      assertCan(ctx.user, 'recommendations:update')
      const personId = ctx.user.personId
      if (!personId) return { linked: false, recommendations: [], today: clock.today() }
      const [views, allBodies] = await Promise.all([
        presentAll(ctx, await repo.listRecommendations({ responsiblePersonId: personId })),
        bodies.listBodies(ctx),
      ])
      const byAttention = (a: RecommendationView, b: RecommendationView) =>
        Number(a.status !== 'open') - Number(b.status !== 'open') ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        compareNumbers(a, b)
      return {
        linked: true,
        recommendations: views
          .sort(byAttention)
          .map((view) => ({ ...view, body: allBodies.find((body) => body.id === view.bodyId)! })),
        today: clock.today(),
      }
    },

    /**
     * What an update request before a meeting of the body lists: each open recommendation with a
     * responsible officer, with its number, text and RAG rating as of `on`, and the address to post an update.
     */
    async updatesWanted(ctx: Context, bodyId: string, on = clock.today()) {
      const views = await presentAll(ctx, await repo.listRecommendations({ bodyId }), on)
      return views
        .filter((view) => view.status === 'open' && view.responsiblePersonId !== null)
        .map((view) => ({
          personId: view.responsiblePersonId!,
          line: `Recommendation ${view.number}: ${view.text} (${view.rag.label})`,
          href: `/recommendations/${view.id}/update`,
          updatedOn: view.latestUpdate?.onDate ?? null,
        }))
    },

    /**
     * The open recommendations rated red on `to` that were not red on `from`, across every body, for
     * the scrutiny officer's weekly digest: each with its number, body, text and address.
     */
    async turnedRed(ctx: Context, from: string, to: string) {
      const rows = await repo.listRecommendations({})
      const [before, now, allBodies] = await Promise.all([
        presentAll(
          ctx,
          rows.map((row) => asItStood(row, from)),
          from,
        ),
        presentAll(
          ctx,
          rows.map((row) => asItStood(row, to)),
          to,
        ),
        bodies.listBodies(ctx),
      ])
      const redBefore = new Set(before.filter((view) => view.rag.rag === 'red').map((view) => view.id))
      return now
        .filter((view) => view.status === 'open' && view.rag.rag === 'red' && !redBefore.has(view.id))
        .map((view) => ({
          line: `Recommendation ${view.number} of ${allBodies.find((body) => body.id === view.bodyId)?.name ?? 'a body'}: ${view.text}`,
          href: `/recommendations/${view.id}`,
        }))
    },

    /** For the open data API: what the public sees, never an author's account or email. */
    async forApi(ctx: Context, bodyId?: string) {
      if (bodyId) await bodies.getBodyById(ctx, bodyId)
      return presentAll(ctx, await repo.listRecommendations({ bodyId }))
    },

    /** For a body page before a meeting: open recommendations that are red or due on or before `byDate`. */
    needingAttention: (ctx: Context, bodyId: string, byDate: string) =>
      needingAttention(ctx, bodyId, byDate, clock.today()),

    /** The people who may be made responsible, and the body's meetings so far, for the form. */
    async formChoices(ctx: Context, bodyId: string) {
      const [people, meetings] = await Promise.all([bodies.listPeople(ctx), resolutions.meetingsOfBody(ctx, bodyId)])
      // A recommendation is made at a meeting that has happened.
      return { people, meetings: meetings.filter((meeting) => meeting.date <= clock.today()) }
    },

    /**
     * Which of these resolutions the tracker follows, as the minutes link them: by resolution id, the
     * recommendation's page and words. Public, as the tracker is.
     */
    async trackedResolutions(_ctx: Context, resolutionIds: string[]) {
      const rows = await repo.trackedResolutions(resolutionIds)
      return new Map(
        rows.flatMap((row) =>
          row.resolutionId
            ? [
                [
                  row.resolutionId,
                  { href: `/recommendations/${row.id}`, text: `Recommendation ${row.number}` },
                ] as const,
              ]
            : [],
        ),
      )
    },

    /**
     * A resolution to track, for a scrutiny officer: its source, or the recommendation already made
     * from it. NotFoundError when there is no such resolution (in this body's minutes). The source
     * may be of an exempt item, which cannot be tracked in its own words (see changes.ts).
     */
    async resolutionToTrack(ctx: Context, resolutionId: string, bodyId?: string) {
      assertCan(ctx.user, 'recommendations:edit')
      const existing = await repo.findByResolution(resolutionId)
      if (existing) return { source: null, existing }
      const source = await resolutions.find(ctx, resolutionId, bodyId)
      if (!source) throw new NotFoundError('Resolution')
      return { source, existing: null }
    },
  }

  const changes = createRecommendationChanges({
    ...deps,
    findOrThrow,
    mayPostUpdate,
    resolutionToTrack: (ctx, resolutionId, bodyId) => reading.resolutionToTrack(ctx, resolutionId, bodyId),
  })
  return { ...reading, ...changes }
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>
export type RecommendationDetail = Awaited<ReturnType<RecommendationsService['getRecommendation']>>
