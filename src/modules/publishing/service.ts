import type { Context } from '#src/platform/auth/user.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import type { FeedMeeting } from './calendar-feed.ts'
import { RuleError } from '#src/platform/http/errors.ts'
import { pageCount } from '#src/platform/http/pagination.ts'
import type { SearchFilter, SearchHitKind, SearchHitRow, SearchRepository } from './search/repository.ts'
import { RESULTS_PER_PAGE, searchResult } from './search/results.ts'

const HOME_MEETINGS = 5

/** What a search is narrowed to, as asked: kinds (none: all), a body's slug, dates 'YYYY-MM-DD'. */
export interface SearchFilterQuery {
  kinds?: readonly SearchHitKind[]
  body?: string
  from?: string | null
  to?: string | null
}

/**
 * The public portal. Everything here is public: no permission is needed, and nothing is shown
 * that the public may not read (search applies the exempt and draft-minutes rules itself).
 */
export function createPublishingService(deps: {
  clock: Clock
  bodies: BodiesService
  meetings: MeetingsService
  search: SearchRepository
}) {
  const { bodies, meetings, search } = deps

  /** The filter as the search reads it: the body by its id. */
  async function searchFilter(ctx: Context, filter: SearchFilterQuery = {}): Promise<SearchFilter> {
    let bodyId: string | null = null
    if (filter.body) {
      const body = (await bodies.listBodies(ctx)).find((b) => b.slug === filter.body)
      if (!body) throw new RuleError('Select a committee or body from the list', 'body')
      bodyId = body.id
    }
    return { kinds: filter.kinds ?? [], bodyId, from: filter.from ?? null, to: filter.to ?? null }
  }
  return {
    /** The home page: the next and the latest meetings, and the bodies. */
    async home(ctx: Context) {
      const [allBodies, calendar] = await Promise.all([bodies.listBodies(ctx), meetings.calendar(ctx)])
      return {
        bodies: allBodies,
        upcoming: calendar.upcoming.slice(0, HOME_MEETINGS),
        recent: calendar.past.slice(0, HOME_MEETINGS),
      }
    },

    /**
     * The published record matching the words, best first, a page at a time, narrowed by `filter`
     * (kinds, a body's slug, dates). A page past the last shows the last page. An empty query finds
     * nothing. A body that does not exist is a RuleError on the body field.
     */
    async search(ctx: Context, query: { q: string; page: number; filter?: SearchFilterQuery }) {
      const filter = await searchFilter(ctx, query.filter)
      const found = (page: number, total: number, hits: SearchHitRow[]) => ({
        total,
        page,
        pageCount: pageCount(total, RESULTS_PER_PAGE),
        pageSize: RESULTS_PER_PAGE,
        results: hits.map(searchResult),
      })
      if (!query.q) return found(1, 0, [])
      const pageOf = (n: number) =>
        search.page(query.q, { limit: RESULTS_PER_PAGE, offset: (n - 1) * RESULTS_PER_PAGE, filter })
      const asked = await pageOf(query.page)
      if (asked.total !== null) return found(query.page, asked.total, asked.hits)
      // Nothing found, or a page past the last: count, and show the last page if there is one.
      const total = query.page > 1 ? await search.count(query.q, filter) : 0
      if (total === 0) return found(1, 0, [])
      const last = pageCount(total, RESULTS_PER_PAGE)
      return found(last, total, (await pageOf(last)).hits)
    },

    /** The bodies a search may be narrowed to, for the filter's list. */
    searchBodies(ctx: Context) {
      return bodies.listBodies(ctx)
    },

    /** The iCalendar feed of every meeting, or of one body's. Throws NotFoundError for an unknown body. */
    async calendarFeed(ctx: Context, options: { bodyId?: string; origin: string }) {
      const body = options.bodyId ? await bodies.getBodyById(ctx, options.bodyId) : null
      const [rows, allBodies] = await Promise.all([
        meetings.listMeetings(ctx, body ? { bodyId: body.id } : {}),
        bodies.listBodies(ctx),
      ])
      const usualMinutes = new Map(allBodies.map((b) => [b.id, b.defaultMeetingMinutes] as const))
      const feed: FeedMeeting[] = rows.map((row) => ({
        ...row,
        bodyMeetingMinutes: usualMinutes.get(row.bodyId) ?? null,
      }))
      const { calendarFeed } = await import('./calendar-feed.ts') // loaded when first asked for
      return calendarFeed({
        name: body ? `${body.name} meetings` : 'Committee meetings',
        meetings: feed,
        origin: options.origin,
        now: deps.clock.now(),
      })
    },

    /** The bodies as the open data API gives them. */
    async bodiesForApi(ctx: Context) {
      const rows = await bodies.listBodies(ctx)
      return rows.map((body) => ({
        id: body.id,
        slug: body.slug,
        name: body.name,
        kind: body.kind,
        remit: body.remit,
        parentId: body.parentId,
        foundingDate: body.establishedOn,
        dissolutionDate: body.dissolvedOn,
        url: `/bodies/${body.slug}`,
      }))
    },

    /** The open data page lists each body's calendar feed. */
    listBodies(ctx: Context) {
      return bodies.listBodies(ctx)
    },
  }
}

export type PublishingService = ReturnType<typeof createPublishingService>
