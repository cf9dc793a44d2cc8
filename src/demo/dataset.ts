import { z } from 'zod'
import { type DemoBodies, demoBodiesSchema } from '#src/modules/bodies/index.ts'
import { type DemoDecisions, demoDecisionsSchema } from '#src/modules/decisions/index.ts'
import { type DemoImprovement, demoImprovementSchema } from '#src/modules/improvement/index.ts'
import { type DemoIndicators, demoIndicatorsSchema } from '#src/modules/indicators/index.ts'
import {
  type DemoMeetings,
  demoAgendaItemSchema,
  demoMeetingSchema,
  demoMeetingsSchema,
  meetingSlug,
} from '#src/modules/meetings/index.ts'
import { type DemoMinutes, demoMeetingMinutesSchema } from '#src/modules/meetings/minutes/index.ts'
import { type DemoRecommendations, demoRecommendationsSchema } from '#src/modules/recommendations/index.ts'
import { type DemoWaitingLists, demoWaitingListsSchema } from '#src/modules/waitinglists/index.ts'
import { type DemoWorkProgramme, demoWorkProgrammeSchema } from '#src/modules/workprogramme/index.ts'
import { type DemoSettings, demoSettingsSchema } from '#src/modules/settings/index.ts'
import { demoText } from '#src/platform/demo/records.ts'
import { dataFiles, readDataFile } from './data-file.ts'

/**
 * A meeting's file: the meeting and its agenda, each item with what the meeting resolved there, and
 * the minutes once there are any. The resolutions and minutes go to the minutes module.
 */
const meetingFile = demoMeetingSchema.extend({
  items: z.array(demoAgendaItemSchema.extend({ resolutions: z.array(demoText).min(1).optional() })),
  minutes: demoMeetingMinutesSchema.omit({ meeting: true }).optional(),
})

/** The demo dataset, as each module's loader takes it. */
export interface DemoDataset {
  bodies: DemoBodies
  meetings: DemoMeetings
  minutes: DemoMinutes
  decisions: DemoDecisions
  workProgramme: DemoWorkProgramme
  recommendations: DemoRecommendations
  waitingLists: DemoWaitingLists
  indicators: DemoIndicators
  improvement: DemoImprovement
  settings: DemoSettings
}

/** The meetings' files, one a meeting, in date order: meeting-YYYY-MM-DD.yaml. */
export const MEETING_FILE = /^meeting-\d{4}-\d{2}-\d{2}\.yaml$/

/** The other files, and what each holds. */
export const DATA_FILES = [
  'bodies-and-people.yaml',
  'reports.yaml',
  'decisions-and-forward-plan.yaml',
  'work-programme.yaml',
  'recommendations.yaml',
  'waiting-lists.yaml',
  'indicators.yaml',
  'inspections.yaml',
  'improvement-plan.yaml',
  'council-settings.yaml',
] as const

/** Reads and checks every file in src/demo/data: the demo dataset, or a DemoDataError naming what is wrong. */
export function readDemoDataset(): DemoDataset {
  const meetings: DemoMeetings['meetings'] = []
  const minutes: DemoMinutes = { minutes: [], resolutions: [] }
  for (const file of dataFiles().filter((name) => MEETING_FILE.test(name))) {
    const { minutes: recorded, items, ...meeting } = readDataFile(file, meetingFile)
    const slug = meetingSlug(meeting.date, meeting.body)
    meetings.push({ ...meeting, items: items.map(({ resolutions: _resolutions, ...item }) => item) })
    for (const { number, resolutions } of items) {
      if (resolutions) minutes.resolutions.push({ meeting: slug, item: number, texts: resolutions })
    }
    if (recorded) minutes.minutes.push({ ...recorded, meeting: slug })
  }
  const inspections = readDataFile('inspections.yaml', demoImprovementSchema.pick({ inspections: true }))
  const plans = readDataFile('improvement-plan.yaml', demoImprovementSchema.pick({ plans: true }))
  return {
    bodies: readDataFile('bodies-and-people.yaml', demoBodiesSchema),
    meetings: { meetings, ...readDataFile('reports.yaml', demoMeetingsSchema.pick({ reports: true })) },
    minutes,
    decisions: readDataFile('decisions-and-forward-plan.yaml', demoDecisionsSchema),
    workProgramme: readDataFile('work-programme.yaml', demoWorkProgrammeSchema),
    recommendations: readDataFile('recommendations.yaml', demoRecommendationsSchema),
    waitingLists: readDataFile('waiting-lists.yaml', demoWaitingListsSchema),
    indicators: readDataFile('indicators.yaml', demoIndicatorsSchema),
    improvement: { ...inspections, ...plans },
    settings: readDataFile('council-settings.yaml', demoSettingsSchema),
  }
}
