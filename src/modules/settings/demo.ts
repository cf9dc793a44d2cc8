import { z } from 'zod'
import type { Trx } from '#src/database.ts'
import { REPORT_PARTS } from '#src/modules/meetings/index.ts'
import { demoText } from '#src/platform/demo/records.ts'

/** The demo council's settings: its name, its call-in rule and notice, its report template, its references. */
export const demoSettingsSchema = z.strictObject({
  councilName: demoText,
  callIn: z.strictObject({ days: z.number().int().min(1).max(30), kind: z.enum(['working', 'calendar']) }),
  noticeDays: z.number().int().min(0).max(30),
  reportSections: z.array(z.strictObject({ key: z.enum(REPORT_PARTS), heading: demoText })).max(30),
  referenceHints: z.strictObject({
    decisions: demoText.nullable().default(null),
    forwardPlan: demoText.nullable().default(null),
    minutes: demoText.nullable().default(null),
  }),
})

export type DemoSettings = z.infer<typeof demoSettingsSchema>

/** Writes the demo council's settings, as its admin would have saved them. */
export async function loadDemoSettings(trx: Trx, settings: DemoSettings) {
  await trx
    .insertInto('councilSettings')
    .values({
      councilName: settings.councilName,
      callInDays: settings.callIn.days,
      callInKind: settings.callIn.kind,
      noticeDays: settings.noticeDays,
      reportSections: JSON.stringify(settings.reportSections),
      decisionReferenceHint: settings.referenceHints.decisions,
      forwardPlanReferenceHint: settings.referenceHints.forwardPlan,
      minutesReferenceHint: settings.referenceHints.minutes,
    })
    .execute()
}
