import type { TestApp } from '../harness.ts'
import { democraticRecordBuilders } from './democratic-record.ts'
import { keepers } from './forms.ts'
import { improvementBuilders } from './improvement.ts'
import { participationBuilders } from './participation.ts'
import { trackingBuilders } from './tracking.ts'

export type { AgendaItemRecord, BodyRecord, Exemption, MeetingRecord, PersonRecord } from './democratic-record.ts'
export type { DecisionRecord, PlanRecord, RecommendationRecord } from './tracking.ts'
export type { FindingRecord, ImprovementPlanRecord, InspectionRecord, ThemeRecord } from './improvement.ts'
export { dateFields, submit } from './forms.ts'

/**
 * Builders that make the records a test needs on an app started without the demo
 * (`startTestApp(database, { demo: false })`), through the app's own forms, signed in as the role
 * that keeps each record: `const build = builders(t); const body = await build.aBody()`.
 */
export function builders(t: TestApp) {
  const keep = keepers(t)
  return {
    ...democraticRecordBuilders(t, keep),
    ...trackingBuilders(t, keep),
    ...improvementBuilders(t, keep),
    ...participationBuilders(t, keep),
  }
}
