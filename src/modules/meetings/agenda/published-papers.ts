import { createHash } from 'node:crypto'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { assertCan, can } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import type { Trx } from '#src/database.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import type { Paper } from '#src/platform/papers/paper.ts'
import { renderPdf } from '#src/platform/papers/pdf.ts'
import type { MeetingsDeps } from '../service.ts'
import type { ReportTemplate } from '../reports/template.ts'
import type { PaperKind } from '../tables.ts'
import { type PackInput, itemPageRanges, packTitle, renderAgendaPack } from './pack.ts'
import { createPackRepository } from './pack-repository.ts'
import { assertAgendaReadable } from './visibility.ts'

export const REPUBLISH_REASON_MISSING = 'Enter the reason for the correction'
export const AGENDA_NOT_YET_PUBLISHED = 'Publish the agenda before publishing a correction'

/** A withdrawn paper is kept for those who record minutes; everyone else reads only what stands published. */
const mayReadPaper = (ctx: Context, paper: { withdrawnOn: string | null }) =>
  paper.withdrawnOn === null || can(ctx.user, 'minutes:edit')

/** What an agenda pack needs beyond the meetings module's own record: the council's settings. */
export interface PackDeps extends MeetingsDeps {
  reportTemplate: (ctx: Context) => Promise<ReportTemplate>
  councilName: (ctx: Context) => Promise<string | null>
}

type Reader = Parameters<MeetingsDeps['repository']['itemsOfMeeting']>[1]
type MeetingWithBody = NonNullable<Awaited<ReturnType<MeetingsDeps['repository']['findMeetingById']>>>

/** What a meeting's papers are stored as, and how one is named to the audit trail. */
interface FreezeInput {
  meetingId: string
  kind: PaperKind
  supplementId?: string | null
  title: string
  content: Uint8Array
  reason?: string
  /** What the audit trail calls it; by default a first publication or, with a reason, a correction. */
  action?: string
}

/**
 * Published means frozen: publishing a meeting's agenda, a supplementary agenda or its minutes keeps the
 * PDF as published, with its SHA-256, in the publishing transaction; the public gets those exact bytes
 * ever after. A correction is a new version with its reason. Staff may have a draft made on demand.
 */
export function createPublishedPapers(deps: PackDeps) {
  const { db, repository: repo } = deps
  const packs = createPackRepository(db)

  /** The council's settings and the body's members: read before a transaction, since they are not its record. */
  async function packSettings(ctx: Context, meeting: Pick<MeetingWithBody, 'bodySlug'>) {
    const [councilName, body, template] = await Promise.all([
      deps.councilName(ctx),
      deps.bodies.getBody(ctx, meeting.bodySlug),
      deps.reportTemplate(ctx),
    ])
    const members = body.currentMembers.map((member) => {
      const name = [member.honorific, member.name].filter(Boolean).join(' ')
      return member.role === 'member' ? name : `${name} (${member.role[0].toUpperCase()}${member.role.slice(1)})`
    })
    return { councilName: councilName ?? '', members, template }
  }

  /** The pack's input: the meeting's items (or one supplement's), their reports and appendices, read by `reader`. */
  async function packInput(
    reader: Reader,
    meeting: MeetingWithBody,
    settings: Awaited<ReturnType<typeof packSettings>>,
    options: { draft: boolean; supplement?: { id: string; title: string } },
  ): Promise<PackInput> {
    const all = await repo.itemsOfMeeting(meeting.id, reader)
    const items = options.supplement ? all.filter((item) => item.supplementId === options.supplement?.id) : all
    const reports = await packs.reportsOfItems(
      items.map((item) => item.id),
      reader,
    )
    // One after the other: `reader` may be a transaction, which runs one query at a time.
    const appendices = await packs.appendicesOfReports(
      reports.map((report) => report.id),
      reader,
    )
    const documents = await packs.documentsOfItems(
      items.map((item) => item.id),
      reader,
    )
    return {
      ...settings,
      meeting,
      heading: options.supplement?.title,
      draft: options.draft,
      items: items.map((item) => {
        const report = reports.find((found) => found.agendaItemId === item.id) ?? null
        return {
          item,
          report,
          appendices: report ? appendices.filter((appendix) => appendix.reportId === report.id) : [],
          documents: documents.filter((document) => document.agendaItemId === item.id),
        }
      }),
    }
  }

  /** Keeps a paper as published, in the caller's transaction, and names its version and SHA-256 to the audit trail. */
  async function freeze(trx: Trx, ctx: Context, input: FreezeInput) {
    const sha256 = createHash('sha256').update(input.content).digest('hex')
    const stored = await packs.insertPaper(trx, {
      meetingId: input.meetingId,
      kind: input.kind,
      supplementId: input.supplementId ?? null,
      title: input.title,
      content: input.content,
      sha256,
      reason: input.reason ?? '',
      publishedOn: deps.clock.today(),
      publishedBy: ctx.user?.name ?? 'system',
    })
    await recordAudit(trx, ctx, {
      action: input.action ?? (input.reason ? 'published a correction' : 'stored published paper'),
      subjectType: 'meeting',
      subjectId: input.meetingId,
      after: {
        kind: stored.kind,
        version: stored.version,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        reason: stored.reason,
      },
    })
    return stored
  }

  /** Renders the meeting's pack from what `trx` reads, keeps it, and fills its items' page ranges. */
  async function freezePack(
    trx: Trx,
    ctx: Context,
    meetingId: string,
    settings: Awaited<ReturnType<typeof packSettings>>,
    options: { reason?: string; supplement?: { id: string; title: string } },
  ) {
    const meeting = await repo.findMeetingById(meetingId, trx)
    if (!meeting) throw new NotFoundError('Meeting')
    const input = await packInput(trx, meeting, settings, { draft: false, supplement: options.supplement })
    const rendered = await renderAgendaPack(input)
    if (!options.supplement) {
      const ranges = itemPageRanges(
        input.items.map((entry) => entry.item),
        rendered,
      )
      for (const [itemId, range] of ranges) await repo.setItemPages(trx, itemId, range)
    }
    return freeze(trx, ctx, {
      meetingId,
      kind: options.supplement ? 'supplement' : 'agenda',
      supplementId: options.supplement?.id,
      title: packTitle(input),
      content: rendered.content,
      reason: options.reason,
    })
  }

  /** What publishing the agenda or a supplement calls, in its own transaction: not a service of its own. */
  const freezer = { packSettings, freezePack }

  const service = {
    /**
     * Keeps the meeting's minutes as published (their paper comes from the minutes module, as the public
     * reads them), in the caller's transaction: called where the minutes are published, and again where
     * their approval is recorded, with a note saying so.
     */
    async freezeMinutes(trx: Trx, ctx: Context, meetingId: string, paper: Paper, note?: string) {
      const rendered = await renderPdf(paper)
      return freeze(trx, ctx, {
        meetingId,
        kind: 'minutes',
        title: paper.title,
        content: rendered.content,
        reason: note,
        action: note ? 'stored approved minutes' : 'stored published minutes',
      })
    },

    /**
     * Withdraws the minutes' kept papers, in the caller's transaction, when the minutes go back to draft:
     * each stays stored and listed to staff with the day and reason; the public no longer receives it.
     */
    async withdrawMinutesPapers(trx: Trx, ctx: Context, meetingId: string, reason: string) {
      const withdrawn = await packs.withdrawPapers(trx, meetingId, 'minutes', deps.clock.today(), reason)
      if (withdrawn.length)
        await recordAudit(trx, ctx, {
          action: 'withdrew published minutes',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: { versions: withdrawn.map((paper) => paper.version), reason },
        })
      return withdrawn
    },

    /** The minutes of the meeting as last kept when published or approved (not withdrawn), with their bytes. */
    async keptMinutes(_ctx: Context, meetingId: string) {
      return packs.latestPaper(meetingId, 'minutes')
    },

    /**
     * The agenda pack of the meeting with `slug` as this viewer gets it: the published pack's exact bytes;
     * a draft made now for those who may read draft agendas (before publication, or when `draft` is asked
     * for after it); or, for an agenda published before packs were kept (the demo's, an import's), the pack
     * made now from the published record. A draft the viewer may not see is a NotFoundError.
     */
    async agendaPack(ctx: Context, slug: string, options: { draft: boolean }) {
      const meeting = await repo.findMeetingBySlug(slug)
      if (!meeting) throw new NotFoundError('Agenda pack')
      assertAgendaReadable(ctx.user, meeting, 'Agenda pack')
      const draft = !meeting.agendaPublishedOn || (options.draft && can(ctx.user, 'agendas:read-draft'))
      const published = draft ? undefined : await packs.latestPaper(meeting.id, 'agenda')
      if (published) return { meeting, content: published.content, draft, kept: true }
      const input = await packInput(db, meeting, await packSettings(ctx, meeting), { draft })
      return { meeting, content: (await renderAgendaPack(input)).content, draft, kept: false }
    },

    /**
     * One published version of the meeting's papers, exactly as published. NotFoundError when there is
     * none, and for a withdrawn version unless the viewer records minutes.
     */
    async publishedPaper(ctx: Context, slug: string, version: number) {
      const meeting = await repo.findMeetingBySlug(slug)
      const paper = meeting ? await packs.findPaper(meeting.id, version) : undefined
      if (!meeting || !paper || !mayReadPaper(ctx, paper)) throw new NotFoundError('Paper')
      return { meeting, paper }
    },

    /** The meeting's published papers, latest first: public, like what they keep; withdrawn ones to staff only. */
    async publishedPapersOf(ctx: Context, meetingId: string) {
      return (await deps.reads.papersOf(ctx, meetingId)).filter((paper) => mayReadPaper(ctx, paper))
    },

    /** A meeting for the page that publishes a correction of its agenda pack. Throws NotFoundError. */
    async agendaToRepublish(ctx: Context, slug: string) {
      assertCan(ctx.user, 'meetings:edit')
      const meeting = await repo.findMeetingBySlug(slug)
      if (!meeting) throw new NotFoundError('Meeting')
      return { meeting }
    },

    /**
     * Publishes a correction of the agenda pack, made from the record now, as a new version with its
     * reason; every earlier version stays. Refused (RuleError) before the agenda is published.
     */
    async republishAgenda(ctx: Context, meetingId: string, input: { reason: string }) {
      assertCan(ctx.user, 'meetings:edit')
      const meeting = await repo.findMeetingById(meetingId)
      if (!meeting) throw new NotFoundError('Meeting')
      if (!input.reason) throw new RuleError(REPUBLISH_REASON_MISSING, 'reason')
      const settings = await packSettings(ctx, meeting)
      return withTransaction(db, async (trx) => {
        await repo.lockAgenda(trx, meetingId)
        const locked = await repo.findMeetingById(meetingId, trx)
        if (!locked?.agendaPublishedOn) throw new RuleError(AGENDA_NOT_YET_PUBLISHED, 'form')
        return freezePack(trx, ctx, meetingId, settings, { reason: input.reason })
      })
    },
  }

  return { freezer, service }
}

export type PublishedPapers = ReturnType<typeof createPublishedPapers>
export type PackFreezer = PublishedPapers['freezer']
