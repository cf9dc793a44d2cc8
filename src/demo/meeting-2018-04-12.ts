import { BODY } from './bodies-and-people.ts'
import type { DemoMeeting } from './record-shapes.ts'

/**
 * Resilient Communities and Children's Scrutiny Committee, 12 April 2018. Only the Children's Services
 * update report survives in the seed papers: no agenda, start time, venue or minutes, and no item number.
 */
export const MEETING_2018_04_12: DemoMeeting = {
  body: BODY.resilientCommunities,
  date: '2018-04-12',
  startTime: null,
  venue: '',
  status: 'held',
  notes: "Only the Children's Services update report from this meeting is held; its agenda item number is not known.",
  items: [
    {
      number: 1,
      title: "Children's Services update report",
      purpose: "To update members on the day-to-day work of Children's Services and on new developments.",
      report: {
        title: "Children's Services update report",
        reportTo: "Resilient Communities and Children's Scrutiny Committee",
        relevantOfficer: "Diane Booth, Director of Children's Services",
        meetingDate: '2018-04-12',
        purpose:
          "To tell the Committee about the day-to-day work of Children's Services and progress on new developments.",
        recommendations: ['To consider the report, challenge it and identify any issues for further scrutiny.'],
        reasons:
          "So that members understand the directorate's daily work and are assured that Blackpool keeps meeting " +
          'its statutory duties ahead of future inspections.',
        contraryToPlan: false,
        withinBudget: 'yes',
        alternativeOptions: 'Not applicable.',
        councilPriorities: 'Creating stronger communities and increasing resilience.',
        background:
          'Police, health and social care were reshaping information sharing through the multi-agency ' +
          'safeguarding hub, with a new multi-agency front door due by June 2018. For September 2018 there were ' +
          '1,334 secondary offers on 1 March 2018: 1,105 first preferences (83%), and 95% of those wanting a ' +
          'Blackpool academy got one of their preferences. Three primary schools inspected since December 2017 ' +
          'were judged good; a fourth result was not yet published.',
        financial: 'None.',
        legal: 'None.',
        humanResources: 'None.',
        risk: 'None.',
        equalities: 'None.',
        sustainability: '',
        consultation: 'None.',
        backgroundPapers: 'None.',
        appendices: [],
      },
    },
  ],
}
