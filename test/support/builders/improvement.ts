import type { TestApp } from '../harness.ts'
import { type Keepers, dateFields, submit } from './forms.ts'

/**
 * Builders for a council's own inspections and improvement plans, made through the app's forms by
 * the scrutiny officer, and for what analysts keep: health services and indicator groups.
 */

export interface InspectionRecord {
  slug: string
  url: string
}

export interface FindingRecord {
  id: string
  inspection: InspectionRecord
}

export interface ImprovementPlanRecord {
  slug: string
  url: string
}

export interface ThemeRecord {
  plan: ImprovementPlanRecord
  number: string
}

export interface IndicatorGroupRecord {
  id: string
  key: string
  name: string
}

export interface HealthServiceRecord {
  slug: string
  url: string
}

let made = 0
const next = () => ++made

export function improvementBuilders(_t: TestApp, { scrutiny, analyst }: Keepers) {
  async function anInspection(
    options: { title?: string; kind?: string; inspectorates?: string; endedOn?: string; outcome?: string } = {},
  ): Promise<InspectionRecord> {
    const url = await submit(await scrutiny(), '/inspections', {
      title: options.title ?? `Inspection of children’s services ${next()}`,
      kind: options.kind ?? 'Inspection of local authority children’s services',
      inspectorates: options.inspectorates ?? 'Ofsted',
      ...dateFields('startedOn', ''),
      ...dateFields('endedOn', options.endedOn ?? '2024-03-15'),
      ...dateFields('publishedOn', ''),
      overallJudgement: options.outcome ?? '',
      summary: '',
    })
    return { slug: url.replace('/inspections/', ''), url }
  }

  async function aFinding(
    inspection: InspectionRecord,
    options: { kind?: string; number?: string; text?: string } = {},
  ): Promise<FindingRecord> {
    const url = await submit(await scrutiny(), `${inspection.url}/findings`, {
      kind: options.kind ?? 'area for improvement',
      number: options.number ?? String(next()),
      text: options.text ?? 'The quality of supervision for social workers.',
    })
    return { id: url.split('#finding-')[1], inspection }
  }

  async function anImprovementPlan(
    options: { title?: string; owner?: string; inspections?: InspectionRecord[] } = {},
    t = _t,
  ): Promise<ImprovementPlanRecord> {
    const ids = await Promise.all(
      (options.inspections ?? []).map((inspection) =>
        t.db.selectFrom('inspections').select('id').where('slug', '=', inspection.slug).executeTakeFirstOrThrow(),
      ),
    )
    const url = await submit(await scrutiny(), '/improvement-plans', {
      title: options.title ?? `Improvement plan ${next()}`,
      owner: options.owner ?? '',
      ...dateFields('startsOn', '2024-04-01'),
      ...dateFields('endsOn', '2026-03-31'),
      inspectionIds: ids.map((row) => row.id),
    })
    return { slug: url.replace('/improvement-plans/', ''), url }
  }

  async function aTheme(
    plan: ImprovementPlanRecord,
    options: { number?: string; title?: string; lead?: string; position?: string } = {},
  ): Promise<ThemeRecord> {
    const number = options.number ?? String(next())
    await submit(await scrutiny(), `${plan.url}/themes`, {
      number,
      title: options.title ?? 'Practice that helps children',
      lead: options.lead ?? '',
      position: options.position ?? '',
    })
    return { plan, number }
  }

  async function aHealthService(
    options: { name?: string; provider?: string; waitsTo?: string; position?: string } = {},
  ): Promise<HealthServiceRecord> {
    const url = await submit(await analyst(), '/waiting-lists', {
      name: options.name ?? `Children’s therapy service ${next()}`,
      provider: options.provider ?? '',
      waitsTo: options.waitsTo ?? '',
      position: options.position ?? '',
    })
    return { slug: url.replace('/waiting-lists/', ''), url }
  }

  /** One of the council's indicator groups, added by an analyst; its key is what an indicator's form posts. */
  async function anIndicatorGroup(options: { name?: string; position?: string } = {}): Promise<IndicatorGroupRecord> {
    const name = options.name ?? `Outcome ${next()}: children are safe`
    await submit(await analyst(), '/outcomes/groups', { name, position: options.position ?? '' })
    const row = await _t.db
      .selectFrom('indicatorGroups')
      .select(['id', 'key'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
    return { ...row, name }
  }

  return { anInspection, aFinding, anImprovementPlan, aTheme, aHealthService, anIndicatorGroup }
}
