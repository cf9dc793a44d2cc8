import type { DemoReport } from './record-shapes.ts'
import { COMMUNITIES, MEETING_DATE, REPORT_TO } from './reports-2024-01-25.ts'

/** Reports for items 8 to 10 of the meeting of 25 January 2024; background in our own words. */

const NONE = {
  financial: 'None.',
  legal: 'None.',
  humanResources: '',
  risk: 'None.',
  equalities: 'None.',
  sustainability: 'None.',
  consultation: 'None.',
  backgroundPapers: 'None.',
} as const

export const IMPROVEMENT_PLAN_REPORT: DemoReport = {
  title: "Children's social care improvement plan progress",
  reportTo: REPORT_TO,
  relevantOfficer: "Vicky Gent, Director of Children's Services",
  meetingDate: MEETING_DATE,
  purpose: "To consider progress against the Children's Social Care Improvement Plan.",
  recommendations: ['To review the update, challenging progress where appropriate.'],
  // As the paper gives it.
  reasons: 'So the committee can test whether the improvement plan is on track.',
  contraryToPlan: false,
  withinBudget: 'yes',
  alternativeOptions: 'None.',
  councilPriorities: COMMUNITIES,
  background:
    'Appendix 8(a) looks back on the year since the Ofsted ILACS inspection, which ended in December 2022 and ' +
    'was published in February 2023. Early help assessments are up 260%, up-to-date dental checks for children ' +
    'in care rose from 43% to 71%, and family safeguarding teams go live in April 2024. Appendix 8(b) is the ' +
    'improvement plan for April 2023 to October 2024; officers will present both and take questions.',
  ...NONE,
  appendices: [
    {
      label: 'Appendix 8(a)',
      title: 'Overview of progress',
      body:
        "Report on progress in Blackpool Children's Social Care 2022–2023: the service's two aims (more children " +
        'supported to stay with their families, more children engaging well in education), what has changed on ' +
        'each issue the inspection raised, and the workforce and management behind it.',
    },
    {
      label: 'Appendix 8(b)',
      title: 'Final DfE update',
      body:
        "Blackpool Children's Social Care Improvement Plan, April 2023 to October 2024: practice obsessions " +
        'measured through audit, strategic and operational themes with leads and milestones, and the outcomes ' +
        'framework used to measure success.',
    },
  ],
}

export const SAFEGUARDING_REPORT: DemoReport = {
  title: 'Safeguarding governance arrangements',
  reportTo: REPORT_TO,
  relevantOfficer: "Vicky Gent, Director of Children's Services",
  meetingDate: MEETING_DATE,
  purpose: 'To update the Committee on safeguarding governance arrangements.',
  recommendations: ['To review the update, challenging progress where appropriate.'],
  reasons: 'To ensure robust challenge to safeguarding governance.',
  contraryToPlan: false,
  withinBudget: 'yes',
  alternativeOptions: 'None.',
  councilPriorities: COMMUNITIES,
  background:
    "Blackpool has left the pan-Lancashire Children's Safeguarding Assurance Partnership for its own " +
    'place-based arrangements, approved by the Executive in July 2023; the pan-Lancashire board ended on ' +
    '31 August 2023. Strategic delivery groups chaired by partnership leaders report to the Blackpool board, ' +
    'which will be renamed a multi-agency safeguarding arrangement (MASA) under the December 2023 guidance.',
  ...NONE,
  appendices: [],
}

export const WORKPLAN_REPORT: DemoReport = {
  title: 'Scrutiny Committee workplan',
  reportTo: REPORT_TO,
  relevantOfficer: 'Sharon Davis, Scrutiny Manager',
  meetingDate: MEETING_DATE,
  purpose:
    "To note the workplan for 2023/24, consider updates on the Committee's earlier recommendations and the " +
    'outcome of work done outside meetings.',
  recommendations: [
    'To confirm the workplan for the 2023/2024 Municipal Year.',
    "To monitor the implementation of the Committee's recommendations and actions.",
    "To note the Committee's visits to the family hubs and its meetings on the new safeguarding arrangements " +
      'and the Preparation for Adulthood Strategy.',
  ],
  reasons: 'To keep the work programme sound and suited to what the committee needs.',
  contraryToPlan: false,
  withinBudget: 'yes',
  alternativeOptions: 'None.',
  councilPriorities: COMMUNITIES,
  background:
    'The workplan came from a workshop on 18 July 2023 and can change during the year. Appendix 10(b) tracks ' +
    "each of the Committee's recommendations with its latest update. Since November members have visited the " +
    'North Shore Family Hub, met informally on 21 November 2023 about the new safeguarding arrangements, and ' +
    'discussed the Preparation for Adulthood Strategy with officers, young people and parents.',
  ...NONE,
  appendices: [
    {
      label: 'Appendix 10(a)',
      title: 'Scrutiny workplan',
      body:
        'Topics for each meeting up to November 2024, scrutiny reviews such as the Sufficiency Strategy on ' +
        '28 February 2024, and short briefings for members before meetings.',
    },
    {
      label: 'Appendix 10(b)',
      title: 'Implementation of recommendations/actions',
      body:
        'Eleven recommendations made between December 2021 and November 2023, each with a target date, ' +
        'responsible officer, latest update and RAG rating.',
    },
    {
      label: 'Appendix 10(c)',
      title: 'Preparing for Adulthood Strategy meeting',
      body:
        'Notes of the informal meeting on the draft strategy: the barriers to work and study that young people ' +
        'described, figures on Education, Health and Care Plans, and what members asked for.',
    },
  ],
}
