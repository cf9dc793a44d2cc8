import type { Trx } from '#src/database.ts'
import type { MilestoneStatus } from '#src/modules/improvement/tables.ts'

/**
 * The Children’s Social Care Improvement Plan, April 2023 to October 2024, as Appendix 8(b) of the
 * 25 January 2024 agenda pack prints it (the report calls it the "Final DfE update"): its themes,
 * actions, leads, milestones and due dates are the paper's, lightly tidied. The "Current position"
 * cells are retold as short dated updates in our own words.
 *
 * - A due date the paper gives as a month ("Oct 2024") is that month's last day; a range
 *   ("13 – 14 Jul 2023") its last day. "Termly monitoring" has no date, only the note.
 * - An update takes the date its cell gives ("12/01/2024", "Update 22/08/2023", "July 2023" as the
 *   month's last day). Three dates the paper prints after the pack was issued are plain slips and
 *   are corrected: "12/04/2024" (4.1, 4.5) is 12 January 2024, the date of every other entry that
 *   round; "25/07/2024" (2.3) is 25 July 2023, the meeting it reports; "31/10/2024" (4.6) is
 *   31 October 2023, between the August 2023 due dates and the January 2024 entries. An undated
 *   position is dated 16 January 2024, the date of the pack; undated words that lead into a dated
 *   entry in the same cell are folded into it.
 * - Status: "Complete(d)", or the milestone's own step plainly done ("First return submitted") →
 *   complete, on the date the text gives, else on the due date; "delayed", "will not be achieved",
 *   "not yet commenced" with a revised date → delayed; work described as under way → in progress;
 *   a blank position, or one that only says what is yet to happen → not started, so a past due date
 *   shows red.
 * - The paper prints one action without a reference, between 6.4 and 6.5 (unaccompanied asylum
 *   seeking children); it is kept as its own action, "6.4a".
 * - Findings: the four areas for improvement of the December 2022 ILACS inspection, which the
 *   plan's introduction lists: 1 the multi-agency response to domestic abuse, long-term neglect and
 *   complex needs; 2 partners' contribution to early help and neglect; 3 sufficient placements;
 *   4 timely dental and emotional health care. An action is linked to those it plainly answers.
 */

const PACK = '2024-01-16'
const AUTHOR = 'Demo data (from Appendix 8(b))'
const FINDING = (n: number) => `ilacs-2022:area for improvement:${n}`
const INSPECTION = 'ilacs-2022'
const OWNER = 'chris-coyle'
export const PLAN_MEETINGS = [
  '2023-09-21-children-and-young-peoples-scrutiny-committee',
  '2024-01-25-children-and-young-peoples-scrutiny-committee',
]

export interface DemoMilestone {
  text: string
  dueOn: string | null
  dueNote?: string
  status: MilestoneStatus
  completedOn?: string | null
  updates: { on: string; text: string; statusFrom?: MilestoneStatus; statusTo?: MilestoneStatus }[]
}
export interface DemoLead {
  name: string
  jobTitle: string
  /** The demo person's slug, when the lead is one. */
  person?: string
}
export interface DemoAction {
  reference: string
  title: string
  leads: DemoLead[]
  /** The ILACS 2022 areas for improvement the action answers. */
  findings: number[]
  milestones: DemoMilestone[]
}
export interface DemoTheme {
  number: string
  title: string
  lead: string
  actions: DemoAction[]
}
export interface DemoPlan {
  slug: 'childrens-social-care-improvement-plan'
  title: string
  owner: string
  startsOn: '2023-04-01'
  endsOn: '2024-10-31'
  version: string
  versions: { version: string; onDate: string; byWhom: string; changes: string }[]
  themes: DemoTheme[]
}

/** [date, what happened, the status it moved the milestone to]. */
type Entry = [on: string, text: string, to?: MilestoneStatus]
type Due = string | { on: string | null; note: string }

/**
 * A milestone whose updates carry its status changes: each entry's own `to`, or, when none says,
 * the last entry moves it from not started to its status.
 */
function milestone(text: string, due: Due, status: MilestoneStatus, entries: Entry[] = [], completedOn?: string) {
  const dueOn = typeof due === 'string' ? due : due.on
  const explicit = entries.some((entry) => entry[2])
  let current = 'not started' as MilestoneStatus
  const updates = entries.map(([on, said, to], index) => {
    const change = to ?? (!explicit && index === entries.length - 1 ? status : undefined)
    if (!change || change === current) return { on, text: said }
    const update = { on, text: said, statusFrom: current, statusTo: change }
    current = change
    return update
  })
  if (current !== status) throw new Error(`${text}: the updates leave it ${current}, not ${status}`)
  const done = status === 'complete' ? (completedOn ?? (dueOn !== null && dueOn <= PACK ? dueOn : null)) : null
  return {
    text,
    dueOn,
    ...(typeof due === 'string' ? {} : { dueNote: due.note }),
    status,
    completedOn: done,
    updates,
  } satisfies DemoMilestone
}

const action = (reference: string, title: string, leads: DemoLead[], findings: number[], milestones: DemoMilestone[]) =>
  ({ reference, title, leads, findings, milestones }) satisfies DemoAction

const KARA = { name: 'Kara Haskayne', jobTitle: 'Head of Safeguarding Children & Strategic Partnership Boards' }
const CHRIS = { name: 'Chris Coyle', jobTitle: 'AD for Operations Children’s Social Care', person: 'chris-coyle' }
const JOANNE = { name: 'Joanne Stewart', jobTitle: 'Head of Early Help and Support Service', person: 'joanne-stewart' }
const LAURA = { name: 'Laura Chadwick', jobTitle: 'Head of Transformation and PSW' }
const TONI = { name: 'Toni Harrison', jobTitle: 'Head of Service Strengthening and Supporting Families' }
const AMANDA = { name: 'Amanda Lynch', jobTitle: 'Head of Service, Hub, AST, Awaken' }
const RACHEL = { name: 'Rachel Barnes', jobTitle: 'Head of Supporting Our Children' }
const SARA = { name: 'Sara McCartan', jobTitle: 'Head of Adolescent Service', person: 'sara-mccartan' }
const HELEN = { name: 'Helen Piggott', jobTitle: 'Virtual School Head' }

const strategicPartnerships: DemoTheme = {
  number: '1',
  title: 'Strategic Partnerships',
  lead: 'Kara Haskayne',
  actions: [
    action(
      '1.1',
      'Develop a new Children, Young People and Families Strategic Plan',
      [KARA],
      [],
      [
        milestone(
          'Hold Partnership event to discuss setting a new strategic vision and priorities for children, young people and families in Blackpool',
          '2023-03-16',
          'complete',
          [[PACK, 'More than 80 people from partner organisations came to the event on 16 March 2023.']],
          '2023-03-16',
        ),
        milestone(
          'Establish task and finish group to meet monthly to develop the priorities and objectives',
          '2023-04-30',
          'complete',
          [[PACK, 'The plan reports the task and finish group as set up.']],
        ),
        milestone(
          'Share initial consultation feedback and draft strategy with strategic leaders at the CYP and Families Partnership meeting',
          '2023-07-14',
          'complete',
          [[PACK, 'Marked done: strategic leaders have seen the early feedback and the draft.']],
        ),
        milestone(
          'Consult with the wider partnership on the priorities and objectives and develop draft strategy',
          '2023-08-31',
          'complete',
          [[PACK, 'The plan reports the wider consultation and the draft strategy as done.']],
        ),
        milestone(
          'Approve final strategy through strategic and democratic process, sharing with CYP and Families Partnership, CYP Scrutiny Committee and Council’s Executive',
          '2023-11-30',
          'delayed',
          [[PACK, 'Sign-off has slipped; the service hopes to confirm it in January 2024.']],
        ),
        milestone('Develop outcomes framework', '2023-12-31', 'in progress', [
          [PACK, 'There is an agreed draft, but it needs more consultation.'],
        ]),
      ],
    ),
    action(
      '1.2',
      'Establish Strategic Partnerships Business Unit',
      [KARA],
      [],
      [
        milestone('Develop business case and seek approval from corporate leadership team', '2023-06-06', 'complete', [
          [PACK, 'The plan marks the business case step as done.'],
        ]),
        milestone('Work with HR to create new structure and job descriptions', '2023-06-30', 'complete', [
          [PACK, 'A new structure is now designed.'],
        ]),
        milestone('Advertise posts and recruit to new positions', '2023-09-30', 'complete', [
          [PACK, 'Every new post has been filled.'],
        ]),
      ],
    ),
    action(
      '1.3',
      'Review the function, membership and governance structure supporting the Children and Families Partnership',
      [KARA],
      [],
      [
        milestone(
          'Agree revised terms of reference, membership and structure with strategic leaders for a new Children, Young People and Families Strategic Partnership',
          '2023-07-14',
          'complete',
          [[PACK, 'Strategic leaders have agreed how the new partnership is made up and run, the plan reports.']],
        ),
        milestone(
          'Implement new meeting and reporting structure for boards reporting to the partnership',
          '2023-10-31',
          'complete',
          [[PACK, 'The boards, and how they report upwards, are agreed.']],
        ),
      ],
    ),
    action(
      '1.4',
      'Implement new Blackpool Children’s Safeguarding and Assurance Partnership arrangements',
      [KARA],
      [1, 2],
      [
        milestone(
          'Hold a workshop to establish safeguarding priorities for Blackpool and agree partnership arrangements and workstreams',
          '2023-06-19',
          'complete',
          [[PACK, 'The partnership settled on four workstreams, each with a delivery group.']],
        ),
        milestone(
          'Set up and hold first delivery group meetings for neglect, DA, contextual safeguarding, Request for Support Hub',
          '2023-07-31',
          'in progress',
          [
            [
              PACK,
              'Neglect, early help and Request for Support Hub groups first met on 24, 25 and 27 July 2023; the domestic abuse group had no date yet.',
            ],
          ],
        ),
        milestone(
          'Agree Scrutineer and assurance process and recruit independent Scrutineer',
          '2023-10-31',
          'in progress',
          [[PACK, 'Interviews for the independent scrutineer are fixed for 15 January 2024.']],
        ),
        milestone('Agree terms of reference for delivery groups', '2023-09-30', 'in progress', [
          [
            PACK,
            'Only the domestic abuse and Request for Support Hub groups still lacked agreed terms, expected by the end of October 2023.',
          ],
        ]),
      ],
    ),
    action(
      '1.5',
      'Strengthen the Corporate Parenting role and responsibility so that it can effectively hold all partners to account.',
      [CHRIS],
      [],
      [
        milestone(
          'Refresh the terms of reference and expand membership to ensure all partners with corporate parenting responsibility are represented.',
          '2023-09-19',
          'in progress',
          [[PACK, 'New terms of reference are in place; who attends still needs watching.']],
        ),
        milestone(
          'Develop Corporate Parenting dashboard of key performance indicators relating to each of the five promises.',
          '2023-12-31',
          'in progress',
          [[PACK, 'The outcomes framework is a draft; it needs formal agreement and a settled way of reporting.']],
        ),
        milestone(
          'Further embed and reinforce the whole council approach to considering the impact of all policies and procedures on children and young people',
          '2024-10-31',
          'in progress',
          [['2023-08-22', 'The council’s decision-making template now asks what a decision means for Our Children.']],
        ),
      ],
    ),
  ],
}

const earlyHelp: DemoTheme = {
  number: '2',
  title: 'Early help and supporting families',
  lead: 'Joanne Stewart',
  actions: [
    action(
      '2.1',
      'Develop Family Hubs in line with government guidance as part of the national Family Hub programme',
      [JOANNE],
      [2],
      [
        milestone('Implement the Start for Life offer', '2025-03-31', 'not started'),
        milestone('Establish processes for management information and finance returns', '2023-04-30', 'complete', [
          [PACK, 'The first return went in during April 2023.'],
        ]),
        milestone('Identify location for Blackpool South Hub', '2023-06-01', 'complete', [
          [PACK, 'Palatine Leisure Centre has been altered to make room for the south hub.'],
        ]),
        milestone('Formally launch the Family Hubs', { on: '2023-07-14', note: '13 – 14 Jul 2023' }, 'complete', [
          [PACK, 'All three hubs have had their formal launch.'],
        ]),
        milestone('Establish a governance structure including a project board', '2023-07-25', 'complete', [
          [PACK, 'Oversight of the hubs’ development sits with the Early Help Strategic Delivery Group.'],
        ]),
        milestone('Establish robust processes for gathering family feedback', '2024-03-31', 'in progress', [
          [PACK, 'The Principal Social Worker has begun this work; a draft plan is due by February 2024.'],
        ]),
        milestone(
          'Comply with key deliverables of Family Hubs set out in national sign-up conditions to meet minimum expectations',
          '2025-03-31',
          'not started',
        ),
      ],
    ),
    action(
      '2.2',
      'Deliver Supporting Families',
      [JOANNE],
      [],
      [
        milestone(
          'Establish multi-agency Data Board with robust data sharing agreements linking to CYP and Families governance structure',
          '2023-10-31',
          'in progress',
          [
            [
              '2023-07-31',
              'Talks in March and July 2023 widened the board beyond Supporting Families towards a shared partnership dataset, with draft terms and a proposal due at the partnership in October.',
            ],
          ],
        ),
        milestone(
          'Consider wider opportunities to support payment by results claims to ensure we capitalise on funding available through the SF programme – target 506 families by March 2024',
          '2023-12-31',
          'in progress',
          [
            [
              '2024-01-12',
              'Claims are to be extended to Strengthening and Supporting Families, but collecting the data is proving hard.',
            ],
          ],
        ),
      ],
    ),
    action(
      '2.3',
      'Establish Early Help Strategic Delivery Group as part of the new local CSAP arrangements (see 1.4)',
      [JOANNE],
      [2],
      [
        milestone(
          'First meeting to take place 25 July to agree terms of reference, membership',
          '2023-07-25',
          'complete',
          [['2023-07-25', 'The group has met for the first time and will now meet every six weeks.']],
        ),
      ],
    ),
    action(
      '2.4',
      'Review and relaunch the Early Help Strategy',
      [JOANNE],
      [2],
      [
        milestone(
          'Undertake early help system guide self-evaluation with the partnership',
          '2023-07-01',
          'not started',
        ),
        milestone(
          'Agree a process for reviewing the EH Strategy',
          '2023-09-26',
          'complete',
          [['2024-01-12', 'The current strategy will be reviewed first, and that review will shape the next one.']],
          '2024-01-12',
        ),
        milestone('Set up a task and finish group to co-produce the draft strategy', '2023-11-30', 'delayed', [
          ['2024-01-12', 'On hold while the current strategy is reviewed.'],
        ]),
        milestone('Consult with wider partnership', '2023-12-31', 'delayed', [
          ['2024-01-12', 'Also waits on the review of the current strategy.'],
        ]),
        milestone('Approve and re-launch the strategy', '2024-02-28', 'delayed', [
          [
            '2024-01-12',
            'Partners agreed on 12 January 2024 to hold off rewriting the strategy until the full review is done.',
          ],
        ]),
      ],
    ),
  ],
}

const transformation: DemoTheme = {
  number: '3',
  title: 'Transformation',
  lead: 'Laura Chadwick',
  actions: [
    action(
      '3.1',
      'Establish Transformation Board to oversee the implementation of new practice model',
      [LAURA],
      [],
      [
        milestone('Agree scope and set up of the new Transformation Board', '2023-07-25', 'in progress', [
          [PACK, 'A first scoping meeting was arranged for 25 July 2023.'],
        ]),
        milestone(
          'Hold first meeting to agree membership and terms of reference',
          '2023-08-31',
          'complete',
          [['2024-01-12', 'Put back to 19 October 2023, the first meeting has now happened.']],
          '2024-01-12',
        ),
      ],
    ),
    action(
      '3.2',
      'Design, develop and implement children’s social care practice model based on Blackpool Families Rock ethos and values',
      [LAURA],
      [],
      [
        milestone('Set up operational transformation group and agree terms of reference', '2023-08-31', 'complete', [
          [PACK, 'An operational group is running and reports to the strategic board.'],
        ]),
        milestone('Develop project implementation plan and agree who, how and outcomes', '2023-10-31', 'complete', [
          [PACK, 'The implementation plan is done, the plan reports.'],
        ]),
        milestone('Design and agree team structures', '2023-12-31', 'in progress', [
          [PACK, 'Draft structures are agreed; more consultation is needed.'],
        ]),
        milestone('All staff to be trained in Motivational interviewing', '2024-02-28', 'not started'),
        milestone('Recruit to posts', '2024-02-28', 'in progress', [
          [PACK, 'Funding is agreed, and so is how consultation and recruitment will run.'],
        ]),
        milestone('Launch BFR multi-agency operational model', '2024-03-31', 'not started'),
      ],
    ),
  ],
}

const neglect: DemoTheme = {
  number: '4',
  title: 'Neglect',
  lead: 'Toni Harrison',
  actions: [
    action(
      '4.1',
      'Establish Neglect Strategic Delivery Group as part of the new local CSAP arrangements (see 1.4)',
      [KARA],
      [1, 2],
      [
        milestone('Develop partnership-wide Neglect action plan', '2023-10-31', 'in progress', [
          ['2024-01-12', 'Work on the action plan has begun under the neglect delivery plan.'],
        ]),
        milestone(
          'Neglect Delivery group to explore the use of Graded Care Profile by partners',
          '2023-11-30',
          'in progress',
          [[PACK, 'A meeting with Blackburn with Darwen looked at the profile; more talks are needed.']],
        ),
        milestone(
          'Workforce development group to carry out partnership wide training needs analysis',
          '2023-12-31',
          'delayed',
          [[PACK, 'Not begun; now expected by May 2024.']],
        ),
        milestone('Commission a multi-agency audit of neglect', '2024-04-30', 'not started'),
      ],
    ),
    action(
      '4.2',
      'Review and refresh the Blackpool Neglect Strategy',
      [LAURA],
      [1, 2],
      [
        milestone(
          'Work through the Neglect Delivery Group to review and refresh the Blackpool Neglect Strategy (additional steps to be added)',
          '2024-04-30',
          'not started',
        ),
      ],
    ),
    action(
      '4.3',
      'Implement use of Graded Care Profile toolkit to ensure a consistent assessment of neglect.',
      [TONI],
      [1],
      [
        milestone('Undertake self-assessment of the use of graded care profile', '2023-05-31', 'complete', [
          [PACK, 'The review found some social care staff untrained, so wider use of GCP2 is still to be rolled out.'],
        ]),
        milestone('Undertake audit of the use of Graded Care Profile', '2023-10-31', 'not started'),
        milestone(
          'PDL team deliver neglect training',
          { on: '2023-09-30', note: 'To commence Sept 2023' },
          'not started',
        ),
        milestone('Develop dataset to capture use of GCP.', '2023-11-30', 'not started'),
      ],
    ),
    action(
      '4.4',
      'Formalise an approach to working with specific families where neglect is a feature where removal is not the best outcome.',
      [{ ...CHRIS, jobTitle: 'AD Operations, Children’s Social Care' }],
      [1],
      [
        milestone(
          'Set up a working group to agree the approach to specific children and families where neglect is long term.',
          '2023-05-31',
          'complete',
          [[PACK, 'The working group was set up, the plan reports.']],
        ),
        milestone(
          'Set up an “In Reach” Team that will work with families experiencing neglect',
          '2023-05-31',
          'complete',
          [[PACK, 'The In Reach team is in place.']],
        ),
        milestone('Develop the approach and pathways into that support', '2023-10-31', 'in progress', [
          [
            PACK,
            'The team exists, but the route into it and its part in a staged response to neglect are still being worked out.',
          ],
        ]),
      ],
    ),
    action(
      '4.5',
      'Review the support in place and monitoring of children that are Privately Fostered.',
      [TONI],
      [],
      [
        milestone(
          'Design practice guidance and implement training for all staff around Private Fostering processes and practice',
          '2023-02-28',
          'complete',
          [[PACK, 'Guidance was written and staff workshops held.']],
        ),
        milestone('Develop a tracking system and reporting structure for PF children', '2023-02-28', 'in progress', [
          [PACK, 'A tracker exists, but information is not reaching it, so children cannot yet be followed properly.'],
        ]),
        milestone('Work with the systems team to develop a MOSAIC pathway for PF', '2023-07-31', 'delayed', [
          ['2023-08-16', 'Waiting for the systems team to build the dataset and tracker.', 'in progress'],
          [
            '2024-01-12',
            'Systems team capacity has held the pathway up; a monthly meeting chases it and a spreadsheet tracks children meanwhile.',
            'delayed',
          ],
        ]),
        milestone(
          'Commission an independent annual audit of private fostering (first audit to be done by 31 Oct 2023)',
          '2023-10-30',
          'in progress',
          [['2024-01-12', 'The audit is commissioned but has no start date yet.']],
        ),
        milestone(
          'Share audit findings with leaders and incorporate learning into the workforce development plan',
          '2023-11-30',
          'delayed',
          [['2024-01-12', 'Waits on the audit, which has not yet been done.']],
        ),
      ],
    ),
    action(
      '4.6',
      'Redesign the Children with Complex Needs team to distinguish between safeguarding children and supporting vulnerable families and improve managerial oversight',
      [TONI],
      [1],
      [
        milestone(
          'Review the remit and focus of the CWCNT to identify how the team could function more effectively',
          '2023-05-30',
          'complete',
          [
            [
              PACK,
              'The review found gaps in resources and capacity, and a need for clearer access criteria, clarity on which family members the team holds, and a sharper line between safeguarding and support.',
            ],
          ],
        ),
        milestone('Produce new team model and consult with team', '2023-08-31', 'complete', [
          [
            '2023-10-31',
            'A model with two managers, separate functions and new access criteria is drawn up; recruiting has not begun.',
            'in progress',
          ],
          ['2024-01-12', 'Recruitment is finished and the team now works to the new structure.', 'complete'],
        ]),
        milestone(
          'Implement the restructure of the CWCNT to split the functions of the team',
          '2023-09-01',
          'complete',
          [
            [
              '2023-10-31',
              'The team has seen the proposed structure and approval to go ahead is being sought.',
              'in progress',
            ],
            ['2024-01-12', 'The restructure has taken effect.', 'complete'],
          ],
        ),
        milestone(
          'Develop a bespoke commissioning approach to support families through the CWCN Resource Panel.',
          '2023-10-01',
          'in progress',
          [
            [
              '2024-01-12',
              'The resource panel is running but needs further changes, chiefly so that links with adult services give young people a good transition.',
            ],
          ],
        ),
        milestone('Review the effectiveness of new team structure', '2024-03-31', 'not started'),
      ],
    ),
  ],
}

const domesticAbuse: DemoTheme = {
  number: '5',
  title: 'Domestic abuse',
  lead: 'Amanda Lynch',
  actions: [
    action(
      '5.1',
      'Participate in pan-Lancashire scrutiny review of DA to assess the effectiveness of processes and support for families',
      [{ ...AMANDA, jobTitle: 'Head of Service Hub AST and Awaken' }],
      [1],
      [
        milestone(
          'External review of the effectiveness of processes and practice to support families experiencing DA undertaken',
          { on: '2023-03-31', note: 'Commissioned March 2023' },
          'complete',
          [
            ['2023-07-31', 'The final report had not arrived.', 'in progress'],
            [
              '2024-01-12',
              'The report is in and the Domestic Abuse Board has circulated it to all partners.',
              'complete',
            ],
          ],
          '2024-01-12',
        ),
        milestone(
          'Attend feedback session to receive the review findings',
          '2023-06-29',
          'complete',
          [
            ['2023-07-31', 'Still waiting for the final report.'],
            [
              '2024-01-12',
              'With the report in, responses to its findings are being drawn up, though the partnership group on children and domestic abuse has yet to meet.',
              'complete',
            ],
          ],
          '2024-01-12',
        ),
        milestone('Report received and shared with DA Board and DA Delivery Group', '2023-07-25', 'in progress', [
          ['2024-01-12', 'Shared through the Domestic Abuse Board; the delivery group has not yet started meeting.'],
        ]),
        milestone(
          'Children’s Domestic Abuse Delivery Group to develop an action plan based on the findings and recommendations of the review',
          '2023-10-31',
          'delayed',
          [
            [
              '2024-01-12',
              'The group has not started: the police have agreed to chair it but, while they restructure, have not found the right representative.',
            ],
          ],
        ),
      ],
    ),
    action(
      '5.2',
      'Children’s DA Delivery Group to review the Blackpool Domestic Abuse Strategy to determine whether the commissioned services meet the needs identified.',
      [LAURA, AMANDA],
      [1],
      [
        milestone(
          'Create guidance on the types of interventions to be written into children’s plans',
          '2023-09-30',
          'delayed',
          [['2024-01-12', 'Late; the guidance is under review.']],
        ),
        milestone(
          'Review the services commissioned for perpetrators, survivors and children and develop guidance on the interventions',
          '2023-07-31',
          'delayed',
          [['2024-01-12', 'Held up in the same way as the guidance.']],
        ),
        milestone(
          'CSAP Workforce Development Group to develop and deliver training on Domestic Abuse resources available',
          '2024-01-31',
          'delayed',
          [['2024-01-12', 'Will miss its date for the same reasons.']],
        ),
      ],
    ),
    action(
      '5.3',
      'Review the role and functioning of MARAC and develop a robust dataset for MARAC to be monitored by DA Strategic Delivery Group and reported to the Data Board',
      [{ name: 'DA Strategic Delivery Group', jobTitle: '' }],
      [1],
      [
        milestone(
          'Review the role of children’s social care within MARAC to ensure that Children’s Social Care contribute to MARAC effectively whilst focusing upon safeguarding responsibilities towards children',
          '2023-01-07',
          'complete',
          [
            [
              PACK,
              'Reviewed: children’s social care stays involved in MARAC, with its attention on keeping children safe.',
            ],
          ],
        ),
        milestone(
          'Identify a set of partnership performance and impact measures that will demonstrate impact of MARAC',
          '2023-11-30',
          'not started',
          [['2024-01-12', 'No measures agreed yet, and how MARAC data are gathered is still informal.']],
        ),
        milestone('Audit the MARAC process to ensure the effectiveness of the service.', '2024-02-28', 'not started'),
      ],
    ),
    action(
      '5.4',
      'Develop and implement a model of working with families where DA is an issue',
      [AMANDA, LAURA],
      [1],
      [
        milestone(
          'Identify a standardised model of practice for supporting children where DA is an issue',
          '2023-10-31',
          'in progress',
          [['2024-01-12', 'A draft model is agreed but needs changes before launch.']],
        ),
        milestone(
          'Implement training around that model of practice and ensure staff have tools and interventions to effectively support children and families where domestic abuse is an issue (linked to the transformation of Children’s Social Care work)',
          '2023-12-31',
          'not started',
          [['2024-01-12', 'Waits on the draft model, which needs changes before it can launch.']],
        ),
      ],
    ),
  ],
}

const permanence: DemoTheme = {
  number: '6',
  title: 'Permanence and stability',
  lead: 'Rachel Barnes',
  actions: [
    action(
      '6.1',
      'Ensure there is a consistent understanding of thresholds of support based on the Working Well with Families threshold document.',
      [LAURA],
      [],
      [
        milestone(
          'Roll out training to the workforce on Working Well with Families threshold document',
          '2023-08-31',
          'in progress',
          [
            [
              '2024-01-12',
              'Training has begun and the data suggest it is helping, but some staff have still to take it.',
            ],
          ],
        ),
        milestone(
          'Develop and deliver a partnership training package to increase understanding of the Working Well With Families document',
          '2023-11-30',
          'not started',
          [
            [
              '2024-01-12',
              'To come through the early help and Request for Support Hub groups, planned by the workforce board, and with the move to Family Safeguarding.',
            ],
          ],
        ),
      ],
    ),
    action(
      '6.2',
      'Ensure children who require legal intervention to support them and meet their needs experience no drift or delay.',
      [{ name: 'Leanne Harrison', jobTitle: 'Service Manager Supporting Our Children' }],
      [],
      [
        milestone(
          'Review of PLO processes in Blackpool to be conducted by LCC',
          '2023-06-21',
          'complete',
          [['2023-07-13', 'The Lancashire review of PLO processes is finished.']],
          '2023-07-13',
        ),
        milestone('Review and implement the findings of the LCC PLO review.', '2023-09-30', 'in progress', [
          ['2024-01-12', 'There is an action plan, and practice in PLO cases is changing.'],
        ]),
        milestone(
          'Develop a data set that tracks the length of time of care proceedings',
          '2023-10-31',
          'in progress',
          [
            [
              '2024-01-12',
              'Time spent in pre-proceedings is now measured and feeds the tracker used to keep a grip on that work.',
            ],
          ],
        ),
      ],
    ),
    action(
      '6.3',
      'Improve the experience of children and families where babies are “Born into Care”',
      [{ name: 'Victoria Gent', jobTitle: 'DCS', person: 'victoria-gent' }],
      [],
      [
        milestone(
          'Three key strands improving the experience from: 1. between conception/identification and the birth; 2. between the birth and the separation; 3. after the separation',
          '2024-03-31',
          'not started',
        ),
      ],
    ),
    action(
      '6.4',
      'Improve the experience and support of children and families that are supported through a Supervision Orders',
      [KARA],
      [],
      [
        milestone(
          'Develop and disseminate a pathway to ensure IRO oversight of Supervision Orders.',
          '2023-05-31',
          'complete',
          [['2024-01-12', 'The pathway is now in use.']],
          '2024-01-12',
        ),
        milestone(
          'Undertake an Audit of children supported by a Supervision Order to review the effectiveness of IRO oversight in driving the plan.',
          '2024-03-31',
          'not started',
        ),
      ],
    ),
    action(
      '6.4a',
      'Improve the experience and outcomes we achieve for UASC',
      [SARA],
      [],
      [
        milestone(
          'Develop a pathway of support for UASC',
          '2023-05-31',
          'complete',
          [
            [
              '2023-08-23',
              'The pathway is written and was to go to the senior leadership team for approval on 18 September 2023.',
            ],
            ['2024-01-12', 'It is now part of the service’s policies and procedures.'],
          ],
          '2023-08-23',
        ),
        milestone(
          'Draft policy developed to be finalised by 30 September 2023',
          '2023-09-30',
          'complete',
          [['2024-01-12', 'The policy is final and every member of staff has it.']],
          '2024-01-12',
        ),
      ],
    ),
    action(
      '6.5',
      'Increase the proportion of our children placed in foster care or returned safely to their immediate or wider family',
      [RACHEL],
      [3],
      [
        milestone(
          'Move the Family Intervention Team from SSF to SOC in order to support greater placement stability',
          '2023-01-31',
          'complete',
          [[PACK, 'The Families Together Intervention Team now sits in Supporting Our Children.']],
        ),
        milestone(
          'Develop a fostering sufficiency plan that supports our aims of ensuring that children are cared for in their immediate or wider families and if that’s not achievable, that they are cared for in a family setting.',
          '2023-12-31',
          'not started',
        ),
        milestone(
          'Implement a residential panel that focuses on supporting children in residential settings back into a family environment where appropriate and ensures we are achieving positive outcomes for children in these homes.',
          '2023-07-31',
          'complete',
          [['2023-08-22', 'The panel is up and meets weekly.']],
          '2023-08-22',
        ),
        milestone(
          'Create MOSAIC meeting template and develop process to meet with partners to drive progress in between statutory meetings',
          '2023-10-31',
          'not started',
        ),
        milestone(
          'Develop a structured pathway model of placement support that will support children and young people back into a family environment',
          '2023-09-30',
          'not started',
        ),
        milestone(
          'Implement a structured approach to the oversight of unregistered provision whereby young people placed are reviewed weekly with service managers.',
          '2023-07-31',
          'in progress',
          [
            [
              PACK,
              'Weekly reviews happen, but recording is not yet consistent or robust enough; a review was set for 13 September 2023.',
            ],
          ],
        ),
        milestone(
          'Develop a Fostering Association to provide a support network for our foster carers.',
          '2023-07-31',
          'complete',
          [['2023-08-22', 'The association is now running.']],
          '2023-08-22',
        ),
        milestone(
          'Submit expression of interest to Dept. for Education to work with Blackburn with Darwen and Cumbria to develop a joint approach to Foster Care Recruitment and Support.',
          '2023-06-30',
          'complete',
          [['2023-08-22', 'Stage 1 went in and was approved; stage 2 was due by 18 September 2023.']],
          '2023-08-22',
        ),
        milestone(
          'Refresh the Permanence Policy including clarifying the process of ratification of permanence.',
          '2023-12-31',
          'not started',
        ),
        milestone(
          'Develop MOSAIC system so ratification of children being matched for permanence to a foster carer is captured.',
          '2024-01-31',
          'not started',
        ),
        milestone(
          'Connect children who have been looked after with their families and wider networks through the Lifelong Links programme.',
          '2023-11-30',
          'in progress',
          [['2023-08-20', 'Lifelong Links work has started, but more children still need to be found for it.']],
        ),
      ],
    ),
    action(
      '6.6',
      'Improve health outcomes for Our Children',
      [RACHEL],
      [4],
      [
        milestone(
          'Create an Our Children Health group as a subgroup of the Corporate Parent Panel to focus on improving health outcomes for Our Children, ensuring that we are effectively undertaking our shared statutory responsibilities in relation to health assessments, and exploring issues around take up and recording',
          '2023-06-30',
          'complete',
          [[PACK, 'The health subgroup of the Corporate Parent Panel is up and running.']],
        ),
        milestone(
          'Undertake an audit of Initial and Repeat Health Assessments',
          '2023-09-30',
          'complete',
          [
            [
              '2023-08-05',
              'Audit done; its findings were to go to the autumn Corporate Parenting Board, with the health subgroup acting on them.',
            ],
          ],
          '2023-08-05',
        ),
        milestone(
          'The Our Children Health sub group review and develop a plan to implement the findings of the Our Children Health Assessment Audit',
          '2023-10-31',
          'in progress',
          [
            [
              '2024-01-12',
              'After difficulty getting the right health colleagues involved, the group now has them, and work goes on to make a difference for children.',
            ],
          ],
        ),
        milestone(
          'Work with health partners to ensure that Our Children have access to dental care',
          '2023-11-30',
          'in progress',
          [
            [
              '2024-01-12',
              'A dental pathway, driven by the health subgroup, has begun and is said to be making a difference.',
            ],
          ],
        ),
      ],
    ),
    action(
      '6.7',
      'Support Our Children to ensure that they experience a positive transition into adulthood',
      [RACHEL, SARA],
      [],
      [
        milestone(
          'Increase the proportion of children (from a baseline Dec 2022) who remain in Staying Put arrangements through ensuring that these are discussed and planned through both the My reviews and planning and support to our foster carers.',
          '2024-10-31',
          'not started',
        ),
        milestone(
          'Set up Task and Finish group to evaluate the impact of Positive Transitions and explore alternative housing pathways to independence',
          '2023-06-30',
          'complete',
          [
            [
              '2024-01-12',
              'A working group has started, and efforts to improve young people’s access to housing help go on.',
            ],
          ],
          '2024-01-12',
        ),
        milestone(
          'Increase LC grant from £2,000 to £3,000 for young people leaving care after 1 April 2023',
          '2023-06-30',
          'complete',
          [[PACK, 'The higher grant took effect on 14 June 2023.']],
          '2023-06-14',
        ),
        milestone(
          'Set up co-production group to review care leaver offer and develop new Leaving Care offer',
          '2024-01-31',
          'not started',
        ),
      ],
    ),
  ],
}

const education: DemoTheme = {
  number: '7',
  title: 'Education and employment for vulnerable children, Our Children and those leaving care',
  lead: 'Sara McCartan',
  actions: [
    action(
      '7.1',
      'Review and strengthen the accountability and governance of the Virtual School',
      [CHRIS, HELEN],
      [],
      [
        milestone(
          'AD for Operations Children’s Social Care to join the Virtual School Governing Board',
          '2023-07-31',
          'not started',
        ),
        milestone(
          'Annual report to be presented to the next Corporate Parent Panel on 19 September setting out progress of Our Children for the previous academic year',
          '2023-09-19',
          'complete',
          [
            [
              '2024-01-12',
              'Done; it led to a new Our Children education subgroup, now drawing up an action plan that the Corporate Parenting Board will follow.',
            ],
          ],
          '2024-01-12',
        ),
        milestone(
          'Develop cycle of reporting information and data on children and young people’s progress in education',
          '2023-09-19',
          'in progress',
          [['2024-01-12', 'The education subgroup is working out the reporting cycle.']],
        ),
      ],
    ),
    action(
      '7.2',
      'Improve the attendance of vulnerable children at school',
      [
        { ...JOANNE, jobTitle: 'Head of Service Early Help' },
        { ...AMANDA, jobTitle: 'Head of Service HUB AST and Awaken' },
        RACHEL,
        { ...TONI, jobTitle: 'Head of Service for SSF' },
        HELEN,
      ],
      [],
      [
        milestone(
          'Ensure early years providers and education settings are invited to all Early Help meetings, Assessment, Child in Need Core Group and review meetings. Implement pro-active 6 weekly planning meetings between SW and Virtual School to tie in with regular planning meeting cycle. Schools will be invited to attend half termly or termly.',
          '2023-09-30',
          'in progress',
          [
            [
              '2024-01-12',
              'Staff have all been briefed, and the systems team has built a check on who attends reviews, reporting from February 2024.',
            ],
          ],
        ),
        milestone(
          'Review tracking processes, increase the frequency of progress reports and improve data sharing between Virtual School, SOC and SSF to improve oversight of school attendance and exclusions for specific children known to Children’s Social Care.',
          '2023-12-31',
          'in progress',
          [['2024-01-12', 'Moving with the briefing and attendance reporting under the milestone above.']],
        ),
      ],
    ),
    action(
      '7.3',
      'Ensure 100% completion rate for PEP’s by SW Teams (currently 63%).',
      [RACHEL, HELEN],
      [],
      [
        milestone(
          'Develop and implement training for FSW/SW/PA’s in completing PEP’s, supporting the attendance of vulnerable children and their positive transition through educational key stages and education settings. PEP completion will be monitored monthly alongside other KPI’s and will be fed into the AD QA meeting.',
          { on: null, note: 'Termly monitoring' },
          'not started',
        ),
      ],
    ),
    action(
      '7.4',
      'Increase the number of our Care Leavers that are in employment, education or training from the baseline of Jan 2023 by Oct 2024',
      [SARA],
      [],
      [
        milestone('Deliver the Connected Futures project', '2024-10-31', 'not started'),
        milestone(
          'Achieve this through the above activity and focusing support on school stability, attendance and attainment on the educational needs for our children specifically in Key Stage 4. Delivery of the Employment and Skills Strategy and Corporate Parenting Strategy.',
          '2025-10-31',
          'not started',
        ),
      ],
    ),
  ],
}

/**
 * The plan has no record of amendments of its own (the document control just before it in the
 * pack is that of Appendix 8(a)), so it is version 1.0 as published in the pack. Its owner is the
 * document owner there, Chris Coyle, who leads several of its actions.
 */
export const DEMO_PLAN: DemoPlan = {
  slug: 'childrens-social-care-improvement-plan',
  title: 'Children’s Social Care Improvement Plan April 2023 to October 2024',
  owner: 'Chris Coyle',
  startsOn: '2023-04-01',
  endsOn: '2024-10-31',
  version: '1.0',
  versions: [
    {
      version: '1.0',
      onDate: PACK,
      byWhom: 'Victoria Gent, Director of Children’s Services',
      changes:
        'Final update for the Department for Education, with positions as at 12 January 2024; published as Appendix 8(b) to the Children and Young People’s Scrutiny Committee agenda for 25 January 2024.',
    },
  ],
  themes: [strategicPartnerships, earlyHelp, transformation, neglect, domesticAbuse, permanence, education],
}

/**
 * Inserts the plan. `findingIds` maps 'ilacs-2022:area for improvement:N' to ids; `meetingIds` the
 * slugs of meetings that considered the plan to ids; `personIds` demo person slug → id;
 * `inspectionIds` inspection slug → id. Keys missing from a map are skipped, so the plan loads
 * without the records it links to.
 */
export async function insertDemoImprovementPlan(
  trx: Trx,
  refs: {
    findingIds: Map<string, string>
    inspectionIds: Map<string, string>
    meetingIds: Map<string, string>
    personIds: Map<string, string>
  },
): Promise<void> {
  const { themes, versions, ...fields } = DEMO_PLAN
  const plan = await trx
    .insertInto('improvementPlans')
    .values({ ...fields, ownerPersonId: refs.personIds.get(OWNER) ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('planVersions')
    .values(versions.map((version) => ({ planId: plan.id, ...version })))
    .execute()
  const inspectionId = refs.inspectionIds.get(INSPECTION)
  if (inspectionId) await trx.insertInto('planInspections').values({ planId: plan.id, inspectionId }).execute()
  const meetings = PLAN_MEETINGS.flatMap((slug) => refs.meetingIds.get(slug) ?? [])
  if (meetings.length > 0) {
    await trx
      .insertInto('planConsiderations')
      .values(meetings.map((meetingId) => ({ planId: plan.id, meetingId })))
      .execute()
  }
  for (const [position, theme] of themes.entries()) {
    const { actions, ...rest } = theme
    const row = await trx
      .insertInto('planThemes')
      .values({ planId: plan.id, ...rest, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [index, demo] of actions.entries()) await insertAction(trx, refs, row.id, index, demo)
  }
}

async function insertAction(
  trx: Trx,
  refs: { findingIds: Map<string, string>; personIds: Map<string, string> },
  themeId: string,
  position: number,
  demo: DemoAction,
) {
  const row = await trx
    .insertInto('planActions')
    .values({ themeId, reference: demo.reference, title: demo.title, position })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('planActionLeads')
    .values(
      demo.leads.map((lead, index) => ({
        actionId: row.id,
        position: index,
        name: lead.name,
        jobTitle: lead.jobTitle,
        personId: (lead.person && refs.personIds.get(lead.person)) ?? null,
      })),
    )
    .execute()
  const findings = demo.findings.flatMap((n) => refs.findingIds.get(FINDING(n)) ?? [])
  if (findings.length > 0) {
    await trx
      .insertInto('planActionFindings')
      .values(findings.map((findingId) => ({ actionId: row.id, findingId })))
      .execute()
  }
  for (const [index, milestone] of demo.milestones.entries()) {
    const { updates, dueNote = '', completedOn = null, ...rest } = milestone
    const inserted = await trx
      .insertInto('planMilestones')
      .values({ actionId: row.id, ...rest, dueNote, completedOn, position: index })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (updates.length === 0) continue
    await trx
      .insertInto('planUpdates')
      .values(
        updates.map((update) => ({
          actionId: null,
          milestoneId: inserted.id,
          onDate: update.on,
          author: AUTHOR,
          text: update.text,
          statusFrom: update.statusFrom ?? null,
          statusTo: update.statusTo ?? null,
        })),
      )
      .execute()
  }
}
