import type { DemoReport } from './record-shapes.ts'

/**
 * Reports for items 4 to 7 of the meeting of 25 January 2024. Titles, officers, answers and
 * figures are the papers'; purposes and recommendations are shortened; background is our own words.
 */

export const REPORT_TO = "Children and Young People's Scrutiny Committee"
export const MEETING_DATE = '2024-01-25'
export const COMMUNITIES = 'Communities: Creating stronger communities and increasing resilience.'
const ECONOMY = 'The economy: Maximising growth and opportunity across Blackpool.'

export const EXECUTIVE_DECISIONS_REPORT: DemoReport = {
  title: 'Executive and Cabinet Member decisions',
  reportTo: REPORT_TO,
  relevantOfficer: 'Sharon Davis, Scrutiny Manager',
  meetingDate: MEETING_DATE,
  purpose:
    "To consider the Executive and Cabinet Member decisions taken in the Cabinet Members' portfolios since the " +
    'last meeting.',
  recommendations: ['Members may question the relevant Cabinet Member about the decisions taken.'],
  reasons: 'So that every Executive and Cabinet Member decision can be scrutinised and held to account.',
  contraryToPlan: false,
  withinBudget: 'yes',
  alternativeOptions: 'None.',
  councilPriorities: COMMUNITIES,
  background:
    'Appendix 4(a) lists the decisions taken since the Committee last met; members have already seen it. ' +
    'Both, EX47/2023 and EX48/2023, were taken on 11 December 2023 in the portfolio of Councillor Kath Benson, ' +
    'Cabinet Member for Young People and Aspiration, who has been invited to answer questions.',
  financial: 'None.',
  legal: 'None.',
  humanResources: '',
  risk: 'None.',
  equalities: 'None.',
  sustainability: 'None.',
  consultation: 'None.',
  backgroundPapers: 'None.',
  appendices: [
    {
      label: 'Appendix 4(a)',
      title: 'Summary of Executive and Cabinet Member decisions taken',
      body:
        'EX47/2023, 11 December 2023: recommend that Council approves the Blackpool Youth Justice Service Annual ' +
        'Plan 2023/24, in force until 31 December 2024. EX48/2023, 11 December 2023: go ahead with phase two of ' +
        'the Highfurlong Special School expansion (a hydrotherapy centre at The Meadow, Garstang Road West) with ' +
        'the phase one contractor, Conlon Construction, and a budget of £1.99 million. Its financial appendix is ' +
        'not for publication.',
    },
    {
      label: 'EX48/2023 Appendix 5a',
      title: 'Expansion of Highfurlong Special School phase two: financial considerations',
      // Placeholder text, not from the papers: tests check it never reaches the public.
      body: 'Commercial figures: phase two cost plan, contractor rates and contingency (demo placeholder).',
      exempt: {
        paragraph: 3,
        reason:
          'Information about the financial or business affairs of a particular person: detailed costings whose ' +
          'publication could harm current and future negotiations.',
        reviewOn: '2025-01-25',
      },
    },
  ],
}

export const FORWARD_PLAN_REPORT: DemoReport = {
  title: 'Forward plan report',
  reportTo: REPORT_TO,
  relevantOfficer: 'Sharon Davis, Scrutiny Manager',
  meetingDate: MEETING_DATE,
  purpose:
    "To consider the Council's Forward Plan for January to April 2024 as it relates to the relevant Cabinet " +
    "Members' portfolios.",
  recommendations: [
    "Members may question the relevant Cabinet Members about Forward Plan items in the Leader's portfolio " +
      "(children's services only) and that of the Cabinet Member for Young People and Aspiration.",
    'Members may consider whether any item should have pre-decision scrutiny, taking account of the Cabinet ' +
      "Member's views.",
  ],
  reasons: 'To give the chance of pre-decision scrutiny of Forward Plan items.',
  contraryToPlan: false,
  withinBudget: 'not applicable',
  alternativeOptions: 'None.',
  councilPriorities: `${ECONOMY}\n${COMMUNITIES}`,
  background:
    'The Leader publishes the Forward Plan monthly. Each plan covers four months and lists matters likely to ' +
    'need a key decision by the Executive, a committee of it, a Cabinet Member or an officer. Appendix 5(a) ' +
    "summarises the items in the Committee's remit, and Councillor Jim Hobson has been invited to attend.",
  financial: 'None.',
  legal: 'None.',
  humanResources: 'None.',
  risk: 'None.',
  equalities: 'None.',
  sustainability: 'None.',
  consultation: 'None.',
  backgroundPapers: 'None.',
  appendices: [
    {
      label: 'Appendix 5(a)',
      title: 'Summary of items contained within Forward Plan',
      body:
        'Two key decisions expected from the Executive in January 2024, both with Councillor Jim Hobson as ' +
        "Cabinet Member: an update of the Children's Services Medium Term Financial Strategy (12/2022) and the " +
        'Blackpool Children, Young People and Families Strategic Partnership Plan (16/2023).',
    },
  ],
}

export const HEALTH_WAITING_TIMES_REPORT: DemoReport = {
  title: 'Health waiting times and access to services',
  reportTo: REPORT_TO,
  relevantOfficer:
    'Mike Chew, Divisional Director of Operations, Families and Integrated Community Care Division, ' +
    'Blackpool Teaching Hospitals',
  meetingDate: MEETING_DATE,
  purpose:
    'To answer questions raised at the Committee in June 2023 about access to health services for children ' +
    'and young people with SEND.',
  recommendations: [
    'That the Committee keeps oversight of the Written Statement of Action and SEND Improvement Plan, ' +
      'supporting the Trust to work with partners to improve access to health services for children with SEND.',
  ],
  reasons: 'To improve access to health services for children with SEND.',
  contraryToPlan: false,
  withinBudget: 'not applicable',
  alternativeOptions: 'Not applicable.',
  councilPriorities: 'Creating stronger communities and increasing resilience.',
  background:
    'Blackpool Teaching Hospitals provides most health services for children with SEND in the town. Long waits ' +
    'for therapies were one of four significant weaknesses found by Ofsted and the CQC in 2022. Speech and ' +
    'language therapy has since gone from 650 referrals waiting (68% over 18 weeks) to 331 (60%), while waits ' +
    'for the Blenheim Child Development Centre and CAMHS remain hard because of demand and vacancies.',
  financial: 'Not applicable.',
  legal: 'The Children and Families Act 2014 and the SEND Code of Practice.',
  humanResources: '',
  risk: 'Not applicable.',
  equalities: 'The improvements aim at fully inclusive, fair services for children and young people aged 0 to 25.',
  sustainability: 'Not applicable.',
  consultation:
    'Services have asked patients and parent carers, including the SEND Parent Carer Forum, for their views ' +
    'and used them to improve what they offer.',
  backgroundPapers: 'None.',
  appendices: [
    {
      label: 'Appendix 6(a)',
      title: 'SEND health data dashboard for December 2023',
      body:
        "Average wait, longest wait and referrals waiting for eight children's services in December 2023: " +
        'speech and language therapy 26 weeks, 69 weeks, 331; physiotherapy 10, 55, 31; occupational therapy ' +
        '7, 40, 38; Blenheim 28, 59, 204; CAMHS 17, 44, 285; continence 13, 45, 70; hearing 9, 39, 73; ' +
        'neurodevelopmental pathway 9, 23, 49.',
    },
  ],
}

export const SEND_REPORT: DemoReport = {
  title: 'SEND Written Statement of Action and strategy update',
  reportTo: REPORT_TO,
  relevantOfficer: 'Paul Turner, Assistant Director – Education, SEND and Early Years',
  meetingDate: MEETING_DATE,
  purpose:
    'To report progress since the February 2022 Ofsted and CQC SEND inspection, and developments in the SEND ' +
    'Strategy.',
  recommendations: [
    'To review the update and consider whether enough progress has been made since the inspection and in ' +
      'delivering the strategy.',
  ],
  reasons: 'To ensure robust scrutiny of SEND.',
  // The report leaves both questions unanswered.
  contraryToPlan: null,
  withinBudget: null,
  alternativeOptions: 'None.',
  councilPriorities: `${ECONOMY}\n${COMMUNITIES}`,
  background:
    'Ofsted and the CQC inspected the local area between 28 February and 4 March 2022 and published their ' +
    'findings on 26 May 2022: 15 strengths, 18 areas for development and four significant weaknesses needing ' +
    'a Written Statement of Action. The report takes each weakness in turn, from the SEND Strategy 2022–25 ' +
    'launched in December 2022 to the new Preparation for Adulthood Strategy. Re-inspection is now overdue.',
  financial:
    'The CCG (now ICB) has given some extra resource; further capacity will come from existing budgets and ' +
    'funding streams.',
  legal:
    'Tests whether the council meets the Children and Families Act 2014, section 20 of the Children Act 2004 ' +
    'and the Equality Act 2010.',
  humanResources: '',
  risk: "The documents are published, so failing to meet statutory duties would harm the council's reputation.",
  equalities: 'The improvement plans aim at fully inclusive services for all children and young people aged 0 to 25.',
  sustainability: 'None.',
  consultation: 'None for the purpose of this report.',
  backgroundPapers: 'None.',
  appendices: [
    {
      label: 'Appendix 7(a)',
      title: 'Blackpool SEND Strategy 2022–2025',
      body:
        "The partnership's vision is that children and young people with SEND live happy, healthy lives in an " +
        'inclusive community. Four priorities: timely identification and access to services; more inclusive ' +
        'local education; leisure, social activities and respite; and clear routes into education, training ' +
        'and work.',
    },
  ],
}
