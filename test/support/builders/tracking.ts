import type { TestApp } from '../harness.ts'
import type { BodyRecord, Exemption, MeetingRecord, PersonRecord } from './democratic-record.ts'
import { type Fields, type Keepers, dateFields, exemptFields, monthOrDateFields, submit } from './forms.ts'

/**
 * Builders for what the committee tracks (recommendations, decisions, the forward plan, the work
 * programme), each made through the app's own forms by the scrutiny officer.
 */

export interface RecommendationRecord {
  id: string
  url: string
}

export interface DecisionRecord {
  slug: string
  number: string | null
  url: string
}

export interface PlanRecord {
  slug: string
  url: string
}

let made = 0
const next = () => ++made

export function trackingBuilders(t: TestApp, { scrutiny }: Keepers) {
  /** A recommendation of `body`, added by hand, or from a resolution when `resolutionId` is given. */
  async function aRecommendation(
    body: BodyRecord,
    options: {
      number?: string
      madeOn?: string
      text?: string
      targetDate?: string
      responsible?: PersonRecord
      meeting?: MeetingRecord
      resolutionId?: string
      referredOn?: string
    } = {},
  ): Promise<RecommendationRecord> {
    const url = await submit(await scrutiny(), `${body.url}/recommendations`, {
      number: options.number ?? String(next()),
      ...dateFields('madeOn', options.madeOn ?? '2023-11-09'),
      text: options.text ?? 'To receive an update at the next meeting.',
      ...dateFields('targetDate', options.targetDate),
      responsiblePersonId: options.responsible?.id ?? '',
      meetingId: options.meeting?.id ?? '',
      resolutionId: options.resolutionId ?? '',
      toExecutive: options.referredOn ? 'yes' : undefined,
      ...dateFields('referredOn', options.referredOn),
    })
    return { id: url.replace('/recommendations/', ''), url }
  }

  /** A dated update on a recommendation, as the scrutiny officer posts it. */
  async function anUpdate(recommendation: RecommendationRecord, options: { on: string; text?: string }) {
    await submit(await scrutiny(), `${recommendation.url}/updates`, {
      ...dateFields('on', options.on),
      text: options.text ?? 'Work is under way.',
    })
  }

  /**
   * A decision taken by a body (the Executive, a committee) or a person (a cabinet member, an
   * officer); with no `number`, it has no reference.
   */
  async function aDecision(options: {
    number?: string
    taker: BodyRecord | PersonRecord
    title?: string
    decidedOn?: string
    publishedOn?: string
    parts?: string
    keyDecision?: boolean
    callInStatus?: 'none' | 'called in' | 'call-in rejected'
    fields?: Fields
  }): Promise<DecisionRecord> {
    const decidedOn = options.decidedOn ?? '2023-12-11'
    const taker = 'url' in options.taker && options.taker.url.startsWith('/bodies/') ? 'body' : 'person'
    const url = await submit(await scrutiny(), '/decisions', {
      number: options.number ?? '',
      title: options.title ?? `Decision ${options.number ?? next()}`,
      ...dateFields('decidedOn', decidedOn),
      taker: `${taker}:${options.taker.id}`,
      parts: options.parts ?? 'To approve the proposal.',
      keyDecision: options.keyDecision === false ? 'no' : 'yes',
      ...dateFields('publishedOn', options.publishedOn ?? decidedOn),
      callInStatus: options.callInStatus ?? 'none',
      ...options.fields,
    })
    return { slug: url.replace('/decisions/', ''), number: options.number ?? null, url }
  }

  /** A document of a decision: its text, or a link to it; exempt when given a paragraph. */
  async function aDecisionDocument(
    decision: DecisionRecord,
    options: { title: string; label?: string; body?: string; url?: string; exempt?: Exemption },
  ) {
    await submit(await scrutiny(), `${decision.url}/documents`, {
      label: options.label ?? '',
      title: options.title,
      body: options.body ?? (options.url ? '' : 'The document’s text.'),
      url: options.url ?? '',
      ...exemptFields(options.exempt),
    })
  }

  /** A call-in of a published decision, with the recommendations of the meeting that considered it. */
  async function aCallIn(
    decision: DecisionRecord,
    options: {
      requestedOn: string
      requestedBy?: string
      grounds?: string
      meeting?: MeetingRecord
      recommendations?: { text: string; outcome: 'released' | 'referred back' | 'referred to council' }[]
      response?: string
    },
  ): Promise<{ url: string }> {
    const slots = (options.recommendations ?? []).flatMap((r, i) => [
      [`recommendation-${i + 1}`, r.text],
      [`outcome-${i + 1}`, r.outcome],
    ])
    const url = await submit(await scrutiny(), `${decision.url}/call-ins`, {
      requestedBy: options.requestedBy ?? 'Councillors Hunter, Roe and Walsh',
      ...dateFields('requestedOn', options.requestedOn),
      grounds: options.grounds ?? 'The options were not set out in the report.',
      meetingId: options.meeting?.id ?? '',
      ...Object.fromEntries(slots),
      response: options.response ?? '',
    })
    return { url }
  }

  async function aForwardPlan(options: {
    title?: string
    periodFrom: string
    periodTo: string
    publishedOn?: string
  }): Promise<PlanRecord> {
    const url = await submit(await scrutiny(), '/forward-plan', {
      title: options.title ?? `Forward Plan from ${options.periodFrom}`,
      ...dateFields('periodFrom', options.periodFrom),
      ...dateFields('periodTo', options.periodTo),
      ...dateFields('publishedOn', options.publishedOn),
    })
    return { slug: url.replace('/forward-plan/', ''), url }
  }

  /** A key decision on a forward plan; `anticipated` is 'YYYY-MM' or 'YYYY-MM-DD'. */
  async function aForwardPlanItem(
    plan: PlanRecord,
    options: {
      reference: string
      matter?: string
      decisionTaker?: string
      cabinetMember?: PersonRecord
      anticipated: string
      isNew?: boolean
      private?: { paragraph: number; reason?: string }
      fields?: Fields
    },
  ): Promise<{ url: string }> {
    const url = await submit(await scrutiny(), `${plan.url}/items`, {
      reference: options.reference,
      matter: options.matter ?? `Key decision ${options.reference}`,
      decisionTaker: options.decisionTaker ?? 'Executive',
      cabinetMemberId: options.cabinetMember?.id ?? '',
      ...monthOrDateFields('anticipated', options.anticipated),
      isNew: options.isNew ? 'yes' : undefined,
      ...(options.private
        ? { exempt: 'yes', exemptParagraph: String(options.private.paragraph), exemptReason: options.private.reason }
        : { exempt: 'no' }),
      ...options.fields,
    })
    return { url }
  }

  /**
   * An item on `body`'s work programme: at a meeting, in a month ('YYYY-MM' or 'YYYY-MM-DD'), or to
   * be confirmed (neither given).
   */
  async function aWorkProgrammeItem(
    body: BodyRecord,
    options: {
      title?: string
      kind?: 'committee item' | 'scrutiny review' | 'briefing or training' | 'informal meeting'
      meeting?: MeetingRecord
      month?: string
      origin?: 'member request' | 'recommendation' | 'forward plan item' | 'inspection finding'
      status?: 'planned' | 'scheduled' | 'done' | 'dropped'
      fields?: Fields
    } = {},
  ): Promise<{ id: string; url: string }> {
    const schedule = options.meeting ? 'meeting' : options.month ? 'month' : 'tbc'
    const url = await submit(await scrutiny(), `${body.url}/work-programme`, {
      title: options.title ?? `Work programme item ${next()}`,
      description: '',
      kind: options.kind ?? 'committee item',
      schedule,
      meetingId: options.meeting?.id ?? '',
      ...monthOrDateFields('when', options.month),
      timingNote: '',
      origin: options.origin ?? 'member request',
      originNote: '',
      status: options.status ?? 'planned',
      leadOfficer: '',
      ...options.fields,
    })
    return { id: url.split('/').pop()!, url }
  }

  /** Puts a work programme item scheduled to a meeting on that meeting's agenda, as its next item. */
  async function putOnAgenda(item: { url: string }): Promise<string> {
    return submit(await scrutiny(), `${item.url}/agenda-item`)
  }

  return {
    putOnAgenda,
    aRecommendation,
    anUpdate,
    aDecision,
    aDecisionDocument,
    aCallIn,
    aForwardPlan,
    aForwardPlanItem,
    aWorkProgrammeItem,
  }
}
