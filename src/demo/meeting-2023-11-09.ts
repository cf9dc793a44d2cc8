import { BODY } from './bodies-and-people.ts'
import type { DemoAttendance, DemoMeeting } from './record-shapes.ts'

/**
 * Children and Young People's Scrutiny Committee, Thursday 9 November 2023: facts from its minutes,
 * printed in the agenda pack for 25 January 2024 (dispatched 16 January 2024).
 */

const present = (person: string, rawName: string, capacity: 'member' | 'co-opted member' = 'member') =>
  ({ person, rawName, capacity, status: 'present' }) satisfies DemoAttendance

const inAttendance = (
  person: string,
  rawName: string,
  capacity: 'officer' | 'cabinet member' | 'other',
  roleAtMeeting: string,
): DemoAttendance => ({ person, rawName, capacity, status: 'in attendance', roleAtMeeting })

/**
 * Hoyle and Mrs Scott are listed among the councillors present although neither is on the committee
 * summoned for 25 January 2024; the minutes do not say they were substitutes, so they stay members here.
 */
const attendance: DemoAttendance[] = [
  { ...present('shaun-brookes', 'Councillor S Brookes'), chaired: true },
  present('bamborough', 'Bamborough'),
  present('critchley', 'Critchley'),
  present('hoyle', 'Hoyle'),
  present('michele-scott', 'Mrs Scott'),
  present('cooper', 'Cooper'),
  present('ellison', 'Ellison'),
  present('jones', 'Jones'),
  present('gemma-clayton', 'Ms G Clayton', 'co-opted member'),
  present('jo-snape', 'Ms Jo Snape', 'co-opted member'),
  inAttendance(
    'kath-benson',
    'Councillor Kath Benson',
    'cabinet member',
    'Cabinet Member for Young People and Aspiration',
  ),
  inAttendance('jim-hobson', 'Councillor Jim Hobson', 'cabinet member', "Cabinet Member for Children's Services"),
  inAttendance('paul-galley', 'Councillor Paul Galley', 'other', 'Chair, Scrutiny Leadership Board'),
  inAttendance('annette-algie', 'Annette Algie', 'officer', 'Strategic Service Manager, Better Start'),
  inAttendance('sharon-davis', 'Sharon Davis', 'officer', 'Scrutiny Manager'),
  inAttendance('victoria-gent', 'Victoria Gent', 'officer', "Director of Children's Services"),
  inAttendance('sara-mccartan', 'Sara McCartan', 'officer', 'Head of Adolescent Services'),
  inAttendance(
    'paul-turner',
    'Paul Turner',
    'officer',
    "Assistant Director of Children's Services (School Improvement and Special Education)",
  ),
]

export const MEETING_2023_11_09: DemoMeeting = {
  body: BODY.childrensScrutiny,
  date: '2023-11-09',
  startTime: '18:00',
  venue: '',
  status: 'held',
  items: [
    {
      number: 1,
      title: 'Appointment of chair',
      purpose: 'To choose a chair for this meeting.',
      minute: 'With both the Chair and the Vice Chair absent, the Scrutiny Manager asked for nominations.',
      resolutions: ['To appoint Councillor Shaun Brookes as Chair for this meeting only.'],
    },
    {
      number: 2,
      title: 'Declarations of interest',
      purpose: 'Members declare any interest they have in the business of the meeting.',
      minute: 'No member declared an interest.',
    },
    {
      number: 3,
      title: 'Minutes of the last meeting held on 21 September 2023',
      purpose: 'To agree the minutes of 21 September 2023 as a correct record.',
      minute: 'The minutes of 21 September 2023 were approved.',
      resolutions: ['That the minutes of 21 September 2023 be signed by the Chair as a true and correct record.'],
    },
    {
      number: 4,
      title: 'Public speaking',
      purpose: 'To hear any member of the public who has asked to speak.',
      minute: 'Nobody had asked to speak.',
    },
    {
      number: 5,
      title: 'Executive decisions',
      purpose: 'To question Cabinet Members on decisions taken since the last meeting.',
      minute: 'Members noted the Executive decisions taken since they last met.',
    },
    {
      number: 6,
      title: 'Forward plan',
      purpose: "To look at forthcoming key decisions within the Committee's remit.",
      minute: "Members noted the Forward Plan items within the Committee's remit.",
    },
    {
      number: 7,
      title: 'Blackpool Better Start annual update',
      purpose: 'To receive the yearly update on Blackpool Better Start.',
      minute:
        'Annette Algie described the past year and confirmed that the National Lottery Community Fund will let ' +
        'the programme spend £4.5 million of underspend between April 2025 and March 2027. Members asked which ' +
        'services could carry on after that; staff training and some ICB funding will keep parts going.',
      resolutions: ['That Ms Algie provide case studies showing the work of Better Start after the meeting.'],
    },
    {
      number: 8,
      title: 'Blackpool Youth Justice Service',
      purpose: 'To receive an update on the Youth Justice Service.',
      minute:
        'Sara McCartan explained how the Youth Justice Executive Board oversees the partnership plan and its five ' +
        'priorities. Reoffending is tracked in real time and is broadly in line with national averages.',
    },
    {
      number: 9,
      title: 'Statutory assessments and examinations update 2022-2023',
      purpose: 'To review results and attainment for 2022/23.',
      minute:
        'Paul Turner presented the results so far, with primary and post-16 data still unpublished. Members ' +
        'discussed secondary attainment, the English Baccalaureate and a local secondary school recently judged ' +
        'inadequate.',
    },
    {
      number: 10,
      title: 'Council Plan performance Q1 - Q2 2023/24',
      purpose: "To review the Council Plan performance indicators for children's services.",
      minute:
        'Vicky Gent presented the indicators on children looked after, fostering and Special Guardianship Orders. ' +
        'Members noted that the indicators had no targets and asked for some other measure of ambition.',
      resolutions: [
        'To receive a short training session on Special Guardianship Orders at the next pre-Committee briefing.',
        'To receive an update from Ms Gent on whether former foster carers had been contacted since the pandemic ' +
          'to see if they would take up the role again.',
        "That Ms Gent consider whether the indicators' target field could show an aspiration, a direction of " +
          'travel or a sense check instead of a target in the next report to Committee.',
      ],
    },
    {
      number: 11,
      title: "Children's Safeguarding Assurance Partnership annual report",
      purpose: "To receive the annual report of the Children's Safeguarding Assurance Partnership.",
      minute:
        'Vicky Gent presented the report for 1 October 2021 to 31 March 2023 and the move back to Blackpool-based ' +
        'arrangements. Members questioned the child death figures, which did not add up to 100%.',
      resolutions: ['To receive a written response on the child death data for Blackpool.'],
    },
    {
      number: 12,
      title: 'Scrutiny workplan',
      purpose: "To review the Committee's workplan and recommendations.",
      minute:
        'Members noted the workplan, the table of recommendations and notes of the informal meeting on the ' +
        'Children, Young People and Families Plan.',
    },
    {
      number: 13,
      title: 'Date and time of next meeting',
      purpose: 'To confirm when the Committee next meets.',
      minute: 'The next meeting was confirmed for Thursday 25 January 2024 at 6pm.',
    },
  ],
  minutes: {
    status: 'published',
    noDeclarations: true,
    endedAtTime: '19:56',
    // Published in the agenda pack for 25 January 2024, dated 16 January 2024; to be approved at its item 2.
    publishedAt: '2024-01-16T09:00:00Z',
    attendance,
  },
}
