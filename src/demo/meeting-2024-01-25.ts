import { BODY } from './bodies-and-people.ts'
import type { DemoMeeting } from './record-shapes.ts'
import {
  EXECUTIVE_DECISIONS_REPORT,
  FORWARD_PLAN_REPORT,
  HEALTH_WAITING_TIMES_REPORT,
  SEND_REPORT,
} from './reports-2024-01-25.ts'
import { IMPROVEMENT_PLAN_REPORT, SAFEGUARDING_REPORT, WORKPLAN_REPORT } from './reports-2024-01-25-social-care.ts'

/** The agenda of 25 January 2024 (front sheet dated 16 January 2024), with page ranges from it. */
export const MEETING_2024_01_25: DemoMeeting = {
  body: BODY.childrensScrutiny,
  date: '2024-01-25',
  startTime: '18:00',
  venue: 'Committee Room A, Town Hall, Blackpool',
  status: 'scheduled',
  items: [
    {
      number: 1,
      title: 'Declarations of interest',
      purpose: 'Members declare any personal, prejudicial or disclosable pecuniary interest, and its nature.',
    },
    {
      number: 2,
      title: 'Minutes of the last meeting held on 9 November 2023',
      purpose: 'To agree the minutes of 9 November 2023 as a true and correct record.',
      pages: [1, 6],
    },
    {
      number: 3,
      title: 'Public speaking',
      purpose: 'To consider any requests from members of the public to speak.',
    },
    {
      number: 4,
      title: 'Executive and Cabinet Member decisions',
      purpose: "To look at decisions taken in the Cabinet Members' portfolios since the last meeting.",
      pages: [7, 14],
      report: EXECUTIVE_DECISIONS_REPORT,
    },
    {
      number: 5,
      title: 'Forward plan',
      purpose: 'To look at the Forward Plan for January to April 2024 for the relevant Cabinet portfolios.',
      pages: [15, 22],
      report: FORWARD_PLAN_REPORT,
    },
    {
      number: 6,
      title: 'Health waiting times and access to services',
      purpose: 'To follow up questions from June 2023 about access to health services for children with SEND.',
      pages: [23, 34],
      report: HEALTH_WAITING_TIMES_REPORT,
    },
    {
      number: 7,
      title: 'SEND Written Statement of Action and strategy update',
      purpose: 'To hear progress since the 2022 Ofsted and CQC SEND inspection and on the SEND Strategy.',
      pages: [35, 62],
      report: SEND_REPORT,
    },
    {
      number: 8,
      title: "Children's social care improvement plan progress update",
      purpose: "To consider progress on the Children's Social Care Improvement Plan.",
      pages: [63, 112],
      report: IMPROVEMENT_PLAN_REPORT,
    },
    {
      number: 9,
      title: 'Safeguarding governance arrangements',
      purpose: 'To hear how the new safeguarding governance arrangements are working.',
      pages: [113, 122],
      report: SAFEGUARDING_REPORT,
    },
    {
      number: 10,
      title: 'Scrutiny workplan',
      purpose: 'To note the 2023/24 workplan, check progress on past recommendations and hear of other work.',
      pages: [123, 134],
      report: WORKPLAN_REPORT,
    },
    {
      number: 11,
      title: 'Date of next meeting',
      purpose: 'To note the next meeting: Wednesday 27 March 2024 at 6pm.',
    },
  ],
}

/** Named as the next meeting in item 11; the papers give no venue. */
export const MEETING_2024_03_27: DemoMeeting = {
  body: BODY.childrensScrutiny,
  date: '2024-03-27',
  startTime: '18:00',
  venue: '',
  status: 'scheduled',
  items: [],
}
