import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { readsUntilChanged } from '#src/platform/request-reads.ts'
import { longDateWithDay } from '#src/platform/views/filters.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { MeetingsService } from '#src/modules/meetings/index.ts'
import type { WorkProgrammeInput, WorkProgrammeRepository, WorkProgrammeRow } from './repository.ts'
import { type MeetingRef, groupWorkProgramme, scheduleOf } from './schedule.ts'
import type { WorkProgrammeForm } from './schema.ts'

export type WorkProgrammeMeetings = Pick<
  MeetingsService,
  'meetingsOfBody' | 'agendaItemLinks' | 'itemToAdd' | 'addItem'
>

export interface WorkProgrammeDeps {
  db: Db
  repository: WorkProgrammeRepository
  bodies: BodiesService
  meetings: WorkProgrammeMeetings
  /** Keep a body's items from one request to the next until the data changes (readsUntilChanged). */
  readsAcrossRequests?: boolean
}

/** What another module passes when it puts something on a body's work programme. */
export interface LinkedItemInput extends WorkProgrammeForm {
  originUrl: string | null
  forwardPlanItemId: string | null
}

export const workProgrammePath = (bodySlug: string) => `/bodies/${bodySlug}/work-programme`

export function createWorkProgrammeService(deps: WorkProgrammeDeps) {
  const { db, repository: repo, bodies, meetings } = deps
  // A body's work programme as stored, the same for everyone: kept until the data changes.
  const itemsOf = readsUntilChanged('work programme', (_ctx, bodyId: string) => repo.listItems(bodyId), {
    acrossRequests: deps.readsAcrossRequests ?? false,
    keep: 50,
  })

  /** A body's meetings, soonest first, by id. */
  async function meetingsOf(ctx: Context, bodyId: string) {
    const { upcoming, past } = await meetings.meetingsOfBody(ctx, bodyId)
    const list: MeetingRef[] = [...past]
      .reverse()
      .concat(upcoming)
      .map((m) => ({ id: m.id, slug: m.slug, date: m.date }))
    return { list, byId: new Map(list.map((m) => [m.id, m])) }
  }

  /** Agenda items made from these items: their meeting and number, to link to. */
  async function agendaLinks(ctx: Context, rows: WorkProgrammeRow[], byId: Map<string, MeetingRef>) {
    const linked = rows.filter((row) => row.agendaItemId && row.meetingId && byId.has(row.meetingId))
    const items = await meetings.agendaItemLinks(
      ctx,
      linked.map((row) => row.meetingId!),
    )
    return new Map(items.map(({ id, ...link }) => [id, link]))
  }

  async function itemOfBody(bodyId: string, id: string) {
    const item = await repo.findItem(id)
    if (!item || item.bodyId !== bodyId) throw new NotFoundError('Work programme item')
    return item
  }

  async function checkItem(ctx: Context, bodyId: string, input: WorkProgrammeForm) {
    if (input.meetingId && !(await meetingsOf(ctx, bodyId)).byId.has(input.meetingId)) {
      throw new RuleError('Select a meeting of this committee', 'meetingId')
    }
    if (input.status === 'scheduled' && !input.meetingId && !input.scheduledMonth) {
      throw new RuleError(
        'An item to be confirmed cannot be scheduled: say when it is planned for, or choose planned',
        'status',
      )
    }
  }

  async function insert(ctx: Context, bodyId: string, input: LinkedItemInput) {
    const position = await repo.nextPosition(bodyId)
    const values: WorkProgrammeInput = { ...input, bodyId, position }
    return withTransaction(db, async (trx) => {
      const item = await repo.insertItem(trx, values)
      await recordAudit(trx, ctx, {
        action: 'added work programme item',
        subjectType: 'work programme item',
        subjectId: item.id,
        after: item,
      })
      return item
    })
  }

  /** One item of a body's programme. Throws NotFoundError, also when it belongs to another body. */
  async function getItem(ctx: Context, bodySlug: string, id: string) {
    const body = await bodies.getBody(ctx, bodySlug)
    const [row, { byId }] = await Promise.all([itemOfBody(body.id, id), meetingsOf(ctx, body.id)])
    const links = await agendaLinks(ctx, [row], byId)
    const agendaItem = row.agendaItemId ? (links.get(row.agendaItemId) ?? null) : null
    return { body, item: { ...row, agendaItem, schedule: scheduleOf(row, byId) } }
  }

  /** What moving an item off the agenda it is on does, as the form says it before the move. */
  async function moveWarning(ctx: Context, row: WorkProgrammeRow) {
    const { byId } = await meetingsOf(ctx, row.bodyId)
    const meeting = row.meetingId ? byId.get(row.meetingId) : undefined
    const link = row.agendaItemId ? (await agendaLinks(ctx, [row], byId)).get(row.agendaItemId) : undefined
    const where = meeting ? `the agenda of the meeting on ${longDateWithDay(meeting.date)}` : 'a meeting’s agenda'
    const item = link?.number ? ` as item ${link.number}` : ''
    return `This item is on ${where}${item}. That agenda item will stay where it is: remove it from that agenda if it will not be taken then. Tick the box to move this item`
  }

  return {
    /**
     * A body's work programme in sections and groups, with the meetings it is planned for. Public.
     * `agendaLinks: false` skips looking up the agenda items made from it (the body page's summary).
     */
    async programme(ctx: Context, bodySlug: string, options: { agendaLinks?: boolean } = {}) {
      const body = await bodies.getBody(ctx, bodySlug)
      const [rows, { byId }] = await Promise.all([itemsOf(ctx, body.id), meetingsOf(ctx, body.id)])
      const links =
        options.agendaLinks === false
          ? new Map<string, { href: string; number: string | null; title: string }>()
          : await agendaLinks(ctx, rows, byId)
      const items = rows.map((row) => ({
        ...row,
        agendaItem: row.agendaItemId ? (links.get(row.agendaItemId) ?? null) : null,
      }))
      const scheduled = items
        .map((i) => ({ ...i, schedule: scheduleOf(i, byId) }))
        .sort((a, b) => a.schedule.sortKey.localeCompare(b.schedule.sortKey) || a.position - b.position)
      return { body, items: scheduled, sections: groupWorkProgramme(items, byId) }
    },

    getItem,

    /** The body and its meetings, for the add and change forms. */
    async formFor(ctx: Context, bodySlug: string) {
      assertCan(ctx.user, 'workprogramme:edit')
      const body = await bodies.getBody(ctx, bodySlug)
      return { body, meetings: (await meetingsOf(ctx, body.id)).list }
    },

    async addItem(ctx: Context, bodyId: string, input: WorkProgrammeForm) {
      assertCan(ctx.user, 'workprogramme:edit')
      await checkItem(ctx, bodyId, input)
      return insert(ctx, bodyId, { ...input, originUrl: null, forwardPlanItemId: null })
    },

    /**
     * Adds an item that another record asked for (a forward plan item marked for pre-decision
     * scrutiny). Refused when the body already has an item from that forward plan item.
     */
    async addLinkedItem(ctx: Context, bodyId: string, input: LinkedItemInput) {
      assertCan(ctx.user, 'workprogramme:edit')
      await bodies.getBodyById(ctx, bodyId)
      if (input.forwardPlanItemId) {
        const existing = await repo.itemsFromForwardPlanItem(input.forwardPlanItemId)
        if (existing.some((item) => item.bodyId === bodyId)) {
          throw new RuleError('This item is already on that committee’s work programme', 'bodyId')
        }
      }
      await checkItem(ctx, bodyId, input)
      return insert(ctx, bodyId, input)
    },

    /**
     * Changes an item; where it came from (its links) stays. Refused (EditConflictError) unless the
     * item is still at `version`, the one the form was opened at.
     */
    async updateItem(
      ctx: Context,
      id: string,
      version: number | null,
      input: WorkProgrammeForm,
      options: { confirmMove?: boolean } = {},
    ) {
      assertCan(ctx.user, 'workprogramme:edit')
      const before = await repo.findItem(id)
      if (!before) throw new NotFoundError('Work programme item')
      await checkItem(ctx, before.bodyId, input)
      // Moved away from the meeting whose agenda it is on: the agenda item stays where it is (it is that
      // meeting's record), and this item stops pointing at it, so it can go on the new meeting's agenda.
      const leavesAgenda = Boolean(before.agendaItemId) && input.meetingId !== before.meetingId
      if (leavesAgenda && !options.confirmMove) throw new RuleError(await moveWarning(ctx, before), 'confirmMove')
      const change = leavesAgenda ? { ...input, agendaItemId: null } : input
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This work programme item', subjectType: 'work programme item', expected: version },
          (at) => repo.updateItem(trx, id, at, change),
          () => repo.findItem(id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'updated work programme item',
          subjectType: 'work programme item',
          subjectId: id,
          before,
          after,
        })
        return after
      })
    },

    /** The work programme items made from a forward plan item, with their bodies. */
    async itemsFromForwardPlanItem(ctx: Context, forwardPlanItemId: string) {
      const rows = await repo.itemsFromForwardPlanItem(forwardPlanItemId)
      const all = await bodies.listBodies(ctx)
      return rows.map((row) => {
        const body = all.find((b) => b.id === row.bodyId)!
        return {
          id: row.id,
          status: row.status,
          body: { name: body.name, slug: body.slug },
          href: `${workProgrammePath(body.slug)}/${row.id}`,
        }
      })
    },

    /**
     * Puts an item scheduled to a meeting on that meeting's agenda, as its next item, and records
     * the link here, in one transaction: the agenda item and the link land together or not at all.
     * Needs both 'workprogramme:edit' and 'meetings:edit' (the meetings service checks its own).
     */
    async createAgendaItem(ctx: Context, bodySlug: string, id: string) {
      assertCan(ctx.user, 'workprogramme:edit')
      const { item } = await getItem(ctx, bodySlug, id)
      if (item.schedule.type !== 'meeting') throw new RuleError('Schedule the item to a meeting first', 'form')
      const { meeting, nextNumber } = await meetings.itemToAdd(ctx, item.schedule.meeting.slug)
      return withTransaction(db, async (trx) => {
        const before = await repo.lockItem(trx, id)
        if (!before) throw new NotFoundError('Work programme item')
        // Checked again inside the transaction: two clicks at once make one agenda item.
        if (before.agendaItemId) throw new RuleError('This item is already on an agenda', 'form')
        const agendaItem = await meetings.addItem(
          ctx,
          meeting.id,
          {
            number: nextNumber,
            title: item.title,
            purpose: item.description,
            pageFrom: null,
            pageTo: null,
            exemptParagraph: null,
            exemptReason: null,
            exemptReviewOn: null,
          },
          trx,
        )
        const status = before.status === 'planned' ? 'scheduled' : before.status
        const after = await repo.linkAgendaItem(trx, id, { agendaItemId: agendaItem.id, status })
        await recordAudit(trx, ctx, {
          action: 'put work programme item on the agenda',
          subjectType: 'work programme item',
          subjectId: id,
          before,
          after,
        })
        return { meeting, position: agendaItem.position }
      })
    },

    /** Every item (or one body's) for the open-data API, with its meeting. */
    async forApi(ctx: Context, bodyId?: string) {
      const all = await bodies.listBodies(ctx)
      if (bodyId && !all.some((b) => b.id === bodyId)) throw new NotFoundError('Body')
      const rows = await repo.listItems(bodyId)
      const bodyIds = [...new Set(rows.map((row) => row.bodyId))]
      const meetingMaps = new Map(
        await Promise.all(bodyIds.map(async (id) => [id, (await meetingsOf(ctx, id)).byId] as const)),
      )
      return rows.map((row) => ({
        ...row,
        body: all.find((b) => b.id === row.bodyId)!,
        schedule: scheduleOf(row, meetingMaps.get(row.bodyId)!),
      }))
    },
  }
}

export type WorkProgrammeService = ReturnType<typeof createWorkProgrammeService>
