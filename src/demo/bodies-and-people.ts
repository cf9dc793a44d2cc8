import type { DemoBody, DemoMembership, DemoPerson } from './record-shapes.ts'

/** Facts from the Blackpool Council papers in the seed documents; remits are our own words. */

export const BODY = {
  childrensScrutiny: 'children-and-young-peoples-scrutiny-committee',
  resilientCommunities: 'resilient-communities-and-childrens-scrutiny-committee',
  executive: 'executive',
} as const

export const DEMO_BODIES: DemoBody[] = [
  {
    slug: BODY.childrensScrutiny,
    name: "Children and Young People's Scrutiny Committee",
    kind: 'committee',
    remit:
      "Looks closely at children's services in Blackpool: social care, education, SEND, early help and " +
      'safeguarding. It questions Cabinet Members on their decisions, checks improvement plans and follows up ' +
      'its own recommendations.',
  },
  {
    slug: BODY.resilientCommunities,
    name: "Resilient Communities and Children's Scrutiny Committee",
    kind: 'committee',
    remit: "An earlier scrutiny committee whose remit took in children's services as well as community resilience.",
  },
  {
    slug: BODY.executive,
    name: 'Executive',
    kind: 'executive',
    remit: "The Leader and Cabinet Members, who take the council's executive and key decisions.",
  },
]

const COUNCIL = 'Blackpool Council'

function councillor(slug: string, name: string, jobTitle: string | null = null): DemoPerson {
  return { slug, name, honorific: 'Councillor', kind: 'councillor', organisation: COUNCIL, jobTitle }
}

/** The papers give co-optees' names only ("Ms G Clayton", "Ms Jo Snape"), not whom they represent. */
function coOptee(slug: string, name: string): DemoPerson {
  return { slug, name, honorific: 'Ms', kind: 'co-opted member', organisation: null, jobTitle: null }
}

function officer(slug: string, name: string, honorific: string | null, jobTitle: string, email?: string): DemoPerson {
  return { slug, name, honorific, kind: 'officer', organisation: COUNCIL, jobTitle, ...(email ? { email } : {}) }
}

/** Councillors known only by surname (or initial and surname) keep what the papers print. */
export const DEMO_PEOPLE_RECORDS: DemoPerson[] = [
  // The committee as summoned to the meeting of 25 January 2024.
  councillor('bamborough', 'Bamborough'),
  councillor('shaun-brookes', 'Shaun Brookes'),
  councillor('cooper', 'Cooper'),
  councillor('critchley', 'Critchley'),
  councillor('ellison', 'Ellison'),
  councillor('fenlon', 'Fenlon'),
  councillor('flanagan', 'Flanagan'),
  councillor('jones', 'Jones'),
  councillor('c-mitchell', 'C Mitchell'),
  coOptee('gemma-clayton', 'Gemma Clayton'),
  coOptee('jo-snape', 'Jo Snape'),
  // Other councillors at the 2023 meetings.
  councillor('hoyle', 'Hoyle'),
  councillor('michele-scott', 'Michele Scott'),
  councillor('paul-galley', 'Paul Galley', 'Chair, Scrutiny Leadership Board'),
  // Cabinet Members.
  councillor('jim-hobson', 'Jim Hobson', "Cabinet Member for Children's Services"),
  councillor('kath-benson', 'Kath Benson', 'Cabinet Member for Young People and Aspiration'),
  // Officers.
  officer('sharon-davis', 'Sharon Davis', 'Mrs', 'Scrutiny Manager', 'sharon.davis@blackpool.gov.uk'),
  officer('victoria-gent', 'Victoria Gent', 'Ms', "Director of Children's Services", 'victoria.gent@blackpool.gov.uk'),
  officer(
    'chris-coyle',
    'Chris Coyle',
    'Mr',
    "Assistant Director of Children's Services (Children's Social Care and Tis)",
  ),
  officer('paul-turner', 'Paul Turner', 'Mr', 'Assistant Director – Education, SEND and Early Years'),
  officer('joanne-stewart', 'Joanne Stewart', 'Ms', 'Head of Service – Early Help Services'),
  officer('bertie-goffe', 'Bertie Goffe', 'Mr', 'Workforce Development Lead'),
  officer('annette-algie', 'Annette Algie', 'Ms', 'Strategic Service Manager, Better Start'),
  officer('sara-mccartan', 'Sara McCartan', 'Ms', 'Head of Adolescent Services'),
  officer('steve-thompson', 'Steve Thompson', null, 'Director of Resources', 'steve.thompson@blackpool.gov.uk'),
  officer('diane-booth', 'Diane Booth', 'Mrs', "Director of Children's Services"),
  {
    slug: 'mike-chew',
    name: 'Mike Chew',
    honorific: null,
    kind: 'partner',
    organisation: 'Blackpool Teaching Hospitals NHS Foundation Trust',
    jobTitle: 'Divisional Director of Operations, Families and Integrated Community Care Division',
  },
]

/**
 * Flanagan chaired on 21 September 2023 and is named as Chair in the notes of the informal meeting
 * on the Preparation for Adulthood Strategy. The papers never say who the Vice Chair is (on
 * 9 November both were absent), so everyone else is a member.
 */
const committeeMembers: DemoMembership[] = [
  'bamborough',
  'shaun-brookes',
  'cooper',
  'critchley',
  'ellison',
  'fenlon',
  'jones',
  'c-mitchell',
].map((person) => ({ body: BODY.childrensScrutiny, person, role: 'member' }))

export const DEMO_MEMBERSHIPS: DemoMembership[] = [
  { body: BODY.childrensScrutiny, person: 'flanagan', role: 'chair' },
  ...committeeMembers,
  { body: BODY.childrensScrutiny, person: 'gemma-clayton', role: 'co-opted member' },
  { body: BODY.childrensScrutiny, person: 'jo-snape', role: 'co-opted member' },
  { body: BODY.executive, person: 'jim-hobson', role: 'member' },
  { body: BODY.executive, person: 'kath-benson', role: 'member' },
]
