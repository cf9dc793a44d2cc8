import type { GeneratedAppendixKind } from '#src/platform/papers/generated.ts'
import type { Clock } from '#src/platform/clock.ts'
import {
  type DecisionsService,
  type ForwardPlanService,
  bodyDecisionsPaper,
  forwardPlanPaper,
} from '#src/modules/decisions/index.ts'
import { type RecommendationsService, trackerPaper } from '#src/modules/recommendations/index.ts'
import { type WorkProgrammeService, workProgrammePaper } from '#src/modules/workprogramme/index.ts'
import { type WaitingListsService, waitingListsAppendix } from '#src/modules/waitinglists/index.ts'
import { type ImprovementService, progressAppendix } from '#src/modules/improvement/index.ts'
import { type IndicatorsService, frameworkAppendix } from '#src/modules/indicators/index.ts'

/**
 * The appendices a report's author can generate from the record, each built by the module that owns
 * it, in the order the committee's agenda usually takes them. Composed here, beside app.ts, because
 * the meetings module (which stores them with reports) is made before the modules that build them.
 */
export function generatedAppendixKinds(deps: {
  clock: Clock
  recommendations: RecommendationsService
  workProgramme: WorkProgrammeService
  decisions: DecisionsService
  forwardPlan: ForwardPlanService
  waitingLists: WaitingListsService
  improvement: ImprovementService
  indicators: IndicatorsService
}): GeneratedAppendixKind[] {
  const tracker = trackerPaper(deps.recommendations)
  const programme = workProgrammePaper({ service: deps.workProgramme, clock: deps.clock })
  const decisions = bodyDecisionsPaper(deps.decisions)
  const plan = forwardPlanPaper({ service: deps.forwardPlan, today: () => deps.clock.today() })
  return [
    {
      key: 'decisions',
      label: 'Executive decisions since the last meeting',
      hint: 'Decisions taken since the committee’s meeting before the date you choose',
      build: (ctx, request) => decisions(ctx, { body: request.body.slug, on: request.on }),
    },
    {
      key: 'forward-plan',
      label: 'Forward plan',
      hint: 'The forward plan in force on the date you choose',
      build: (ctx, request) => plan(ctx, { on: request.on }),
    },
    waitingListsAppendix(deps.waitingLists),
    progressAppendix(deps.improvement),
    frameworkAppendix(deps.indicators),
    {
      key: 'work-programme',
      label: 'Work programme',
      hint: 'The committee’s work programme as it stands today: it keeps no history',
      build: (ctx, request) => programme(ctx, { body: request.body.slug }),
    },
    {
      key: 'tracker',
      label: 'Recommendations tracker',
      hint: 'Every recommendation of the committee, with its latest update and RAG rating',
      build: (ctx, request) => tracker(ctx, { body: request.body.slug, on: request.on }),
    },
  ]
}
