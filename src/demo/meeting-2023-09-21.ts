import { BODY } from './bodies-and-people.ts'
import type { DemoAttendance, DemoMeeting } from './record-shapes.ts'

/** Children and Young People's Scrutiny Committee, Thursday 21 September 2023: facts from its minutes. */

const member = (person: string, rawName: string): DemoAttendance => ({
  person,
  rawName,
  capacity: 'member',
  status: 'present',
})

const attendance: DemoAttendance[] = [
  { person: 'flanagan', rawName: 'Councillor Flanagan', capacity: 'member', status: 'present', chaired: true },
  member('bamborough', 'Bamborough'),
  member('cooper', 'Cooper'),
  member('fenlon', 'Fenlon'),
  member('c-mitchell', 'C Mitchell'),
  member('shaun-brookes', 'S Brookes'),
  member('critchley', 'Critchley'),
  member('jones', 'Jones'),
  { person: 'gemma-clayton', rawName: 'Gemma Clayton', capacity: 'co-opted member', status: 'present' },
  {
    person: 'chris-coyle',
    rawName: 'Chris Coyle',
    capacity: 'officer',
    status: 'in attendance',
    roleAtMeeting: "Assistant Director of Children's Services (Children's Social Care and Tis)",
  },
  {
    person: 'joanne-stewart',
    rawName: 'Joanne Stewart',
    capacity: 'officer',
    status: 'in attendance',
    roleAtMeeting: 'Head of Service – Early Help Services',
  },
  {
    person: 'bertie-goffe',
    rawName: 'Bertie Goffe',
    capacity: 'officer',
    status: 'in attendance',
    roleAtMeeting: 'Workforce Development Lead',
  },
  {
    person: 'sharon-davis',
    rawName: 'Sharon Davis',
    capacity: 'officer',
    status: 'in attendance',
    roleAtMeeting: 'Scrutiny Manager',
  },
  {
    person: 'jim-hobson',
    rawName: 'Councillor Jim Hobson',
    capacity: 'cabinet member',
    status: 'in attendance',
    roleAtMeeting: "Cabinet Member for Children's Services",
  },
  {
    person: 'paul-galley',
    rawName: 'Councillor Paul Galley',
    capacity: 'other',
    status: 'in attendance',
    roleAtMeeting: 'Scrutiny Lead Member',
  },
  { person: 'michele-scott', rawName: 'Councillor Michele Scott', capacity: 'other', status: 'in attendance' },
]

export const MEETING_2023_09_21: DemoMeeting = {
  body: BODY.childrensScrutiny,
  date: '2023-09-21',
  // The minutes do not give the start time or venue.
  startTime: null,
  venue: '',
  status: 'held',
  items: [
    {
      number: 1,
      title: 'Declarations of interest',
      purpose: 'Members declare any interest they have in the business of the meeting.',
      minute: 'No member declared an interest.',
    },
    {
      number: 2,
      title: 'Minutes of the last meeting held on 22 June 2023',
      purpose: 'To agree the minutes of 22 June 2023 as a correct record.',
      minute: 'The Chair signed the minutes of 22 June 2023 as a correct record.',
    },
    {
      number: 3,
      title: 'Public speaking',
      purpose: 'To hear any member of the public who has asked to speak.',
      minute: 'Nobody had asked to speak.',
    },
    {
      number: 4,
      title: 'Executive and Cabinet Member decisions',
      purpose: 'To question Cabinet Members on decisions taken since the last meeting.',
      minute:
        "Councillor Hobson said partners had signed up to the new Blackpool-focused Children's Safeguarding " +
        'Assurance Partnership. The Child Death Overview Panel stays pan-Lancashire because local numbers are too ' +
        'small to analyse alone.',
    },
    {
      number: 5,
      title: 'Forward plan',
      purpose: "To look at forthcoming key decisions within the Committee's remit.",
      minute: 'Members noted the Forward Plan; the Medium Term Financial Strategy will come to them later.',
    },
    {
      number: 6,
      title: "Children's social care update: improvement plan",
      purpose: 'To challenge the improvement plan written in response to the December 2022 Ofsted inspection.',
      minute:
        'Chris Coyle introduced the plan, built on the last Ofsted inspection and covering neglect, complex needs, ' +
        'partnership working and early help. Members discussed fostering, private fostering and support from ' +
        'other council services, and found that some actions still had no update or target.',
      resolutions: [
        'To receive the domestic abuse review report when it is available.',
        'To consider progress on the improvement plan in early 2024.',
        'To receive an updated copy of the improvement plan, with the missing detail added, after the meeting.',
      ],
    },
    {
      number: 7,
      title: 'Early help strategy and partnership working',
      purpose: 'To hear how the Early Help Strategy has worked and what the next one will cover.',
      minute:
        'Joanne Stewart reported that the first strategy had been delivered and a new one was being written. ' +
        'Three family hubs are open, funded to March 2025, and a partnership board is planning for beyond that.',
      resolutions: ['To contribute to the development of the new early help strategy in due course.'],
    },
    {
      number: 8,
      title: 'Family safeguarding model',
      purpose: 'To hear plans to introduce the family safeguarding model in Blackpool.',
      minute:
        'Chris Coyle and Bertie Goffe explained that £760k from the Department for Education will set up ' +
        'co-located teams to help children stay safely with their families, running by April 2024. ' +
        'Independent researchers will follow the programme to measure its impact.',
      resolutions: [
        'To receive a report on the implementation and initial impact of the model in about 12 months, with ' +
          'further reports after that to measure success.',
      ],
    },
    {
      number: 9,
      title: 'Scrutiny Committee workplan',
      purpose: "To agree the Committee's workplan for the year.",
      minute: 'Members agreed the workplan but asked for fewer items at the November meeting.',
      resolutions: ['To agree the workplan, subject to fewer items at the November 2023 meeting.'],
    },
    {
      number: 10,
      title: 'Date and time of next meeting',
      purpose: 'To confirm when the Committee next meets.',
      minute: 'The next meeting was set for Thursday 9 November 2023 at 6pm.',
    },
  ],
  minutes: {
    status: 'approved',
    noDeclarations: true,
    endedAtTime: '19:48',
    // The papers do not say when these minutes were first published; they were public by the time
    // the Committee approved them on 9 November 2023.
    publishedAt: '2023-11-09T18:00:00Z',
    approvedAt: { meeting: '2023-11-09-children-and-young-peoples-scrutiny-committee', item: 3, on: '2023-11-09' },
    attendance,
  },
}
