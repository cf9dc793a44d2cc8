import type { Db } from '#src/database.ts'
import { recordAudit } from '#src/platform/audit/audit.ts'
import { writeAtVersion } from '#src/platform/audit/edit-conflict.ts'
import { assertCan } from '#src/platform/auth/permissions.ts'
import type { Context } from '#src/platform/auth/user.ts'
import { asThePublic, readsUntilChanged } from '#src/platform/request-reads.ts'
import type { Clock } from '#src/platform/clock.ts'
import { withTransaction } from '#src/platform/db/database.ts'
import { NotFoundError, RuleError } from '#src/platform/http/errors.ts'
import { mayReadAnyExempt } from '#src/platform/exemption/readers.ts'
import type { BodiesService } from '#src/modules/bodies/index.ts'
import type { CallInsRepository } from './call-ins/repository.ts'
import { presentCallIn } from './call-ins/view.ts'
import { type CallInRule, callInDeadline, callInPeriod, callInRuleText } from './call-in-deadline.ts'
import { decisionSlug } from './decision-number.ts'
import { decisionPath, documentForViewer } from './document-view.ts'
import type { DecisionRow, DecisionsRepository } from './repository.ts'
import { CALL_IN_STATUS_LABELS, type DecisionForm, type DocumentForm, TAKER_TYPE_LABELS } from './schema.ts'
import { type Takers, loadTakers } from './takers.ts'

/** What this module needs of the meetings service: a body's meetings, to find its last one; all, for call-ins. */
export interface BodyMeetings {
  meetingsOfBody(
    ctx: Context,
    bodyId: string,
  ): Promise<{ past: { date: string; slug: string }[]; upcoming: { date: string; slug: string }[] }>
  listMeetings(ctx: Context): Promise<{ id: string; date: string; slug: string; bodyName: string }[]>
}

/** What this module needs of the council's settings: its call-in rule and the look of its decision numbers. */
export interface DecisionSettings {
  callInRule(ctx: Context): Promise<CallInRule>
  current(ctx: Context): Promise<{ decisionReferenceHint: string | null }>
}

export interface DecisionsDeps {
  db: Db
  repository: DecisionsRepository
  callIns: CallInsRepository
  clock: Clock
  bodies: BodiesService
  meetings: BodyMeetings
  settings: DecisionSettings
  /** Keep the register's recent decisions from one request to the next until the data changes. */
  readsAcrossRequests?: boolean
}

export function createDecisionsService(deps: DecisionsDeps) {
  const { db, repository: repo, clock, bodies } = deps
  // The register's decisions since a day, as stored, the same for everyone: kept until the data changes.
  const decisionsSince = readsUntilChanged(
    'decisions since',
    (_ctx, since: string | null) => repo.listDecisions({ since: since ?? undefined }),
    { acrossRequests: deps.readsAcrossRequests ?? false, keep: 50 },
  )

  /** Exempt decision documents are for staff who may read any exempt paper; not for members or the public. */
  const mayReadExempt = (ctx: Context) => mayReadAnyExempt(ctx.user)

  /** A decision with who took it and its call-in deadline, ready for a page or the API. */
  function present(decision: DecisionRow, takers: Takers, rule: CallInRule) {
    const taker = takers.of(decision)
    const deadline = callInDeadline(decision.publishedOn, rule)
    return {
      ...decision,
      taker,
      url: decisionPath(decision.slug),
      callInDeadline: deadline,
      callInPeriod: callInPeriod(deadline, clock.today()),
      callInStatusLabel: CALL_IN_STATUS_LABELS[decision.callInStatus],
      takerTypeLabel: TAKER_TYPE_LABELS[decision.takerType],
    }
  }

  async function presentAll(ctx: Context, rows: DecisionRow[]) {
    const [takers, rule] = await Promise.all([loadTakers(ctx, bodies, rows), deps.settings.callInRule(ctx)])
    return { takers, decisions: rows.map((row) => present(row, takers, rule)) }
  }

  async function decisionBySlug(slug: string) {
    const decision = await repo.findDecisionBySlug(slug)
    if (!decision) throw new NotFoundError('Decision')
    return decision
  }

  /**
   * The checks no single field can make; then the decision as it is stored: the taker's type, and
   * an address from the reference, else the date and title, numbered when another has it.
   */
  async function checkDecision(ctx: Context, input: DecisionForm, exceptId?: string) {
    if (input.number && (await repo.numberTaken(input.number, exceptId))) {
      throw new RuleError(`There is already a decision with the reference ${input.number}`, 'number')
    }
    if (input.publishedOn && input.publishedOn < input.decidedOn) {
      throw new RuleError('Publication date must be the same as or after the date of the decision', 'publishedOn')
    }
    if (input.effectiveOn && input.effectiveOn < input.decidedOn) {
      throw new RuleError(
        'Date the decision takes effect must be the same as or after the date of the decision',
        'effectiveOn',
      )
    }
    const taker = (await loadTakers(ctx, bodies, [])).taking(input)
    if (!taker) throw new RuleError('Select who took the decision', 'taker')
    const base = decisionSlug(input)
    let slug = base
    for (let n = 2; await repo.slugTaken(slug, exceptId); n++) slug = `${base}-${n}`
    return { ...input, takerType: taker.type, slug }
  }

  // A decision with its documents and call-ins, as stored, the same for everyone: kept until the data changes.
  const decisionRecord = readsUntilChanged(
    'decision',
    async (_ctx, slug: string) => {
      const row = await decisionBySlug(slug)
      const [documents, callIns] = await Promise.all([repo.documentsOf([row.id]), deps.callIns.callInsOf([row.id])])
      return { row, documents, callIns }
    },
    { acrossRequests: deps.readsAcrossRequests ?? false, keep: 100 },
  )

  /** One decision with its documents as this viewer may see them. Throws NotFoundError. */
  async function getDecision(ctx: Context, slug: string) {
    const { row, documents, callIns } = await decisionRecord(ctx, slug)
    const { decisions } = await presentAll(ctx, [row])
    const mayRead = mayReadExempt(ctx)
    return {
      ...decisions[0],
      documents: documents.map((doc) => documentForViewer(doc, row.slug, mayRead)),
      callIns: callIns.map((callIn) => presentCallIn(callIn, row.slug)),
    }
  }

  return {
    /** The register: every decision, newest first, filtered by who took it (a slug) and year. */
    async register(ctx: Context, filter: { taker?: string; year?: number } = {}) {
      const all = await presentAll(ctx, await repo.listDecisions())
      const years = [...new Set(all.decisions.map((d) => Number(d.decidedOn.slice(0, 4))))].sort((a, b) => b - a)
      const takerOptions = [...new Map(all.decisions.map((d) => [d.taker.slug, d.taker])).values()].sort((a, b) =>
        a.name.localeCompare(b.name),
      )
      const decisions = all.decisions.filter(
        (d) =>
          (!filter.taker || d.taker.slug === filter.taker) &&
          (!filter.year || d.decidedOn.startsWith(String(filter.year))),
      )
      return { decisions, years, takerOptions }
    },

    getDecision,

    /** A document to read. Exempt ones answer as missing to anyone without 'exempt:read-any'. */
    async getDocument(ctx: Context, slug: string, number: number) {
      const decision = await getDecision(ctx, slug)
      const document = decision.documents.find((doc) => doc.number === number)
      if (!document || document.withheld) throw new NotFoundError('Document')
      return { decision, document }
    },

    /**
     * Decisions within a body's remit taken from a date to `on` (today by default): by default from the
     * body's last meeting before `on`.
     */
    async forBody(ctx: Context, bodySlug: string, since?: string, on = clock.today()) {
      const body = await bodies.getBody(ctx, bodySlug)
      const { past, upcoming } = await deps.meetings.meetingsOfBody(ctx, body.id)
      // `on` may be after today: a meeting still to come by the app's today is then before it.
      const before = [...upcoming, ...past].filter((m) => m.date < on).sort((a, b) => b.date.localeCompare(a.date))
      const lastMeeting = before[0] ?? null
      const from = since ?? lastMeeting?.date
      const rows = (await decisionsSince(ctx, from ?? null)).filter((row) => row.decidedOn <= on)
      const { decisions, takers } = await presentAll(ctx, rows)
      const within = decisions.filter((d) => takers.withinExecutive(d))
      return { body, since: from ?? null, on, lastMeeting, decisions: within }
    },

    /** The newest decisions, for the Atom feed. */
    async newest(ctx: Context, limit = 20) {
      return (await presentAll(ctx, await repo.listDecisions({ limit }))).decisions
    },

    /** Every decision with its documents as the public sees them, for the open-data API. */
    async forApi(_ctx: Context) {
      const { decisions } = await presentAll(asThePublic(_ctx), await repo.listDecisions())
      const ids = decisions.map((d) => d.id)
      const [documents, callIns] = await Promise.all([repo.documentsOf(ids), deps.callIns.callInsOf(ids)])
      return decisions.map((d) => ({
        ...d,
        documents: documents
          .filter((doc) => doc.decisionId === d.id)
          .map((doc) => documentForViewer(doc, d.slug, false)),
        callIns: callIns.filter((callIn) => callIn.decisionId === d.id).map((callIn) => presentCallIn(callIn, d.slug)),
      }))
    },

    /** Who may be recorded as taking a decision: the Executive, its cabinet members, committees, officers. */
    async takerChoices(ctx: Context, keepPersonId?: string | null) {
      assertCan(ctx.user, 'decisions:edit')
      return (await loadTakers(ctx, bodies, [])).choices(keepPersonId)
    },

    /** What the decision form says beside its fields: the council's call-in rule and the look of its numbers. */
    async formHints(ctx: Context) {
      assertCan(ctx.user, 'decisions:edit')
      const [rule, settings] = await Promise.all([deps.settings.callInRule(ctx), deps.settings.current(ctx)])
      return { callInRule: callInRuleText(rule), numberExample: settings.decisionReferenceHint }
    },

    async decisionToEdit(ctx: Context, slug: string) {
      assertCan(ctx.user, 'decisions:edit')
      return decisionBySlug(slug)
    },

    /** Records a decision. A reference, if given, must be new; the address comes from it. */
    async createDecision(ctx: Context, input: DecisionForm) {
      assertCan(ctx.user, 'decisions:edit')
      const record = await checkDecision(ctx, input)
      return withTransaction(db, async (trx) => {
        const decision = await repo.insertDecision(trx, record)
        await recordAudit(trx, ctx, {
          action: 'recorded decision',
          subjectType: 'decision',
          subjectId: decision.id,
          after: decision,
        })
        return decision
      })
    },

    /**
     * Changes a decision; a corrected reference (or, without one, date or title) moves it to the
     * matching address. Refused (EditConflictError) unless the decision is still at `version`, the
     * one the form was opened at.
     */
    async updateDecision(ctx: Context, id: string, version: number | null, input: DecisionForm) {
      assertCan(ctx.user, 'decisions:edit')
      const before = await repo.findDecisionById(id)
      if (!before) throw new NotFoundError('Decision')
      const record = await checkDecision(ctx, input, id)
      return withTransaction(db, async (trx) => {
        const after = await writeAtVersion(
          trx,
          { what: 'This decision', subjectType: 'decision', expected: version },
          (at) => repo.updateDecision(trx, id, at, record),
          () => repo.findDecisionById(id, trx),
        )
        await recordAudit(trx, ctx, {
          action: 'updated decision',
          subjectType: 'decision',
          subjectId: id,
          before,
          after,
        })
        return after
      })
    },

    /** A document for its edit form (exempt text included: editors may read any exempt paper). */
    async documentToEdit(ctx: Context, slug: string, number: number) {
      assertCan(ctx.user, 'decisions:edit')
      const decision = await decisionBySlug(slug)
      const document = await repo.findDocument(decision.id, number)
      if (!document) throw new NotFoundError('Document')
      return { decision, document }
    },

    async addDocument(ctx: Context, decisionId: string, input: DocumentForm) {
      assertCan(ctx.user, 'decisions:edit')
      if (!(await repo.findDecisionById(decisionId))) throw new NotFoundError('Decision')
      return withTransaction(db, async (trx) => {
        const document = await repo.insertDocument(trx, decisionId, input)
        await repo.touchDecision(trx, decisionId)
        await recordAudit(trx, ctx, {
          action: 'added decision document',
          subjectType: 'decision',
          subjectId: decisionId,
          after: document,
        })
        return document
      })
    },

    async updateDocument(ctx: Context, decisionId: string, number: number, input: DocumentForm) {
      assertCan(ctx.user, 'decisions:edit')
      const before = await repo.findDocument(decisionId, number)
      if (!before) throw new NotFoundError('Document')
      return withTransaction(db, async (trx) => {
        const after = await repo.updateDocument(trx, before.id, input)
        await repo.touchDecision(trx, decisionId)
        await recordAudit(trx, ctx, {
          action: 'updated decision document',
          subjectType: 'decision',
          subjectId: decisionId,
          before,
          after,
        })
        return after
      })
    },
  }
}

export type DecisionsService = ReturnType<typeof createDecisionsService>
