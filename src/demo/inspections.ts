import type { Trx } from '#src/database.ts'
import type { FindingKind, InspectionKind, Judgement } from '#src/modules/improvement/tables.ts'

/**
 * The inspections behind the demo improvement plans, transcribed from the council's papers: dates,
 * judgements and the order and number of findings are the papers'; summaries and findings are
 * paraphrases in our own words, each finding one sentence.
 *
 * ILACS (December 2022) areas for improvement, as `ilacs-2022:area for improvement:<number>`. The
 * improvement-plan demo links its actions to these numbers, so keep them stable:
 *
 * | no. | area                                                                      | source                  |
 * |-----|---------------------------------------------------------------------------|-------------------------|
 * | 1   | multi-agency response to domestic abuse, long-term neglect, complex needs | App. 8(b) introduction  |
 * | 2   | partners' contribution to early help and neglect                          | App. 8(b) introduction  |
 * | 3   | sufficient placements for children's assessed needs                       | App. 8(b) introduction  |
 * | 4   | timeliness of meeting children's dental and emotional needs               | App. 8(b) introduction  |
 * | 5   | private fostering                                                         | App. 8(a) "Other areas" |
 * | 6   | Public Law Outline (PLO) and pre-proceedings                              | App. 8(a) "Other areas" |
 * | 7   | further developing the Blackpool Families Rock approach                   | App. 8(a) "Other areas" |
 * | 8   | unregistered settings: monitoring and evidencing decisions                | App. 8(a) "Other areas" |
 */

export interface DemoInspection {
  slug: string
  title: string
  inspectorates: string
  kind: InspectionKind
  startedOn: string | null
  endedOn: string | null
  publishedOn: string | null
  overallJudgement: Judgement | null
  /** One or two sentences, in our own words. */
  summary: string
  judgements: { area: string; judgement: Judgement }[]
  findings: { kind: FindingKind; number: number; text: string }[]
}

/** Findings of one kind, numbered from 1 in the order given. */
function numbered(kind: FindingKind, texts: string[]): DemoInspection['findings'] {
  return texts.map((text, index) => ({ kind, number: index + 1, text }))
}

/**
 * Ofsted's July 2014 report combines the single inspection of the local authority and the review
 * of the LSCB: both carry the report's dates. The report numbers its paragraphs throughout
 * (priority actions 9–10, areas for improvement 11–27, strengths 28–41; for the LSCB 144, 145–151
 * and 152–154); here each kind is numbered from 1 in the report's order.
 */
const INSPECTION_2014 = { startedOn: '2014-07-02', endedOn: '2014-07-23', publishedOn: '2014-09-08' }

const OFSTED_2014: DemoInspection = {
  slug: 'ofsted-2014',
  title: 'Inspection of services for children in need of help and protection, children looked after and care leavers',
  inspectorates: 'Ofsted',
  kind: 'single inspection framework',
  ...INSPECTION_2014,
  overallJudgement: 'requires improvement',
  summary:
    'Services had improved a great deal since being judged inadequate in 2012 and children at risk were kept safe, but they were not yet good. Care leavers, planning for looked after children and partners’ grasp of thresholds needed most attention.',
  judgements: [
    { area: 'Children who need help and protection', judgement: 'requires improvement' },
    { area: 'Children looked after and achieving permanence', judgement: 'requires improvement' },
    { area: 'Adoption performance', judgement: 'requires improvement' },
    { area: 'Experiences and progress of care leavers', judgement: 'requires improvement' },
    { area: 'Leadership, management and governance', judgement: 'requires improvement' },
  ],
  findings: [
    ...numbered('priority action', [
      'Draw up an improvement plan for the leaving care service covering personal advisers’ caseloads, supervision and oversight, education and training at 16 to 18, and readiness for independent living.',
      'Give every looked after young person a pathway plan by the age of 16 years and 3 months, with actions that are specific, timed and owned.',
    ]),
    ...numbered('area for improvement', [
      'Embed the Getting it Right framework so that partners know their part in early help and when to refer to children’s social care.',
      'Make assessments consistently good: centred on the child, weighing risks and protective factors and each child’s needs, including those linked to race and ethnicity.',
      'Move promptly to legal planning meetings when the risks to a child are not falling or are growing.',
      'Gather and analyse information on children whose parents have mental ill-health or misuse drugs or alcohol, so that their needs are known and met.',
      'Improve assessments for looked after children, including before a return home, so that they lead to clear plans that keep children safe.',
      'Improve care planning and care plans so that children moving towards permanence are supported without delay.',
      'Senior managers and IROs should challenge stalled plans harder, including missing education plans and health assessments, using the issues resolution process in good time.',
      'Improve looked after children’s access to CAMHS so that each child gets the help needed promptly.',
      'Track the pupil premium grant so that it raises attainment, and get more looked after children into good or better schools while watching each child’s needs.',
      'Make child permanence reports consistently good.',
      'Keep up the focus on improving the adoption service.',
      'Make sure every practitioner has regular reflective supervision.',
      'Write an overarching commissioning strategy, tied to the looked after children’s strategy, so that commissioning is co-ordinated.',
      'Make sure the new plan to put right CAMHS performance and provision makes a visible difference for children.',
      'Strengthen the corporate parenting panel so that it challenges the council firmly and speaks up for looked after children and care leavers.',
      'Build a performance framework for looked after children’s and care leavers’ services, overseen by the Improvement Board and scrutinised by the Corporate Parenting Board.',
      'Act firmly to fill staff vacancies in the looked after children and leaving care services.',
    ]),
    ...numbered('strength', [
      'No child seen by inspectors was unsafe, and wherever a risk of harm had been found it was reduced quickly.',
      'A wider range of early help is now on offer and more children are getting support at an early stage.',
      'Social workers know their children well, and councillors, senior managers and staff are committed to improvement.',
      'Children at risk of sexual exploitation are identified and get support suited to their needs.',
      'Domestic abuse services are good, among them the children’s independent domestic violence advisers (93 children in May 2014) and the Catalyst team’s group work.',
      'The BERA panel keeps track of children known to the council who are out of education or have moved away from Blackpool.',
      'Elective home education is checked robustly, above all for the most vulnerable children.',
      'Care proceedings have been cut from 56 weeks in 2012–13 to 39 weeks in 2013–14, with 29% finished within 26 weeks.',
      'Most looked after children live with their brothers and sisters close to friends and family, go to school regularly, and none has been permanently excluded since 2010.',
      'A clinical psychologist gives foster carers and social workers effective support.',
      'Looked after children placed outside Blackpool whom inspectors saw were in suitable homes with advocates and independent visitors.',
      'In a year the proportion of 19-year-olds not in education, employment or training fell to about 35%, close to similar areas and the national average.',
      'Care leavers with learning difficulties or mental illness move well into adult services, the drop-in centre is valued, and no young person is in bed and breakfast.',
      'The improving adoption service placed 44 children for adoption in 2013–14, up from 22 the year before.',
    ]),
  ],
}

const LSCB_2014: DemoInspection = {
  slug: 'lscb-review-2014',
  title: 'Review of the effectiveness of the Local Safeguarding Children Board',
  inspectorates: 'Ofsted',
  kind: 'LSCB review',
  ...INSPECTION_2014,
  overallJudgement: 'requires improvement',
  summary:
    'Blackpool Safeguarding Children Board had made real progress with its structures, audits and challenge, but it was not yet meeting all its statutory duties and not every partner played a full part.',
  // The review gives one judgement, on the board as a whole: there are no judgements by area.
  judgements: [],
  findings: [
    ...numbered('priority action', [
      'Become fully compliant with the board’s statutory duties, with every statutory partner playing its role.',
    ]),
    ...numbered('area for improvement', [
      'Monitor and evaluate the early help that partners offer to children and families.',
      'Make sure every partner understands the thresholds for early help and for referral to children’s social care.',
      'Look harder at how children are safeguarded when privately fostered, when parents have mental health or substance problems, or when known to the youth offending team.',
      'Make sure every statutory partner attends the board regularly and contributes to its work.',
      'Widen the performance information the board receives to cover all partners, with commentary that evaluates it.',
      'Hold partners to account for checking how learning from serious case reviews changes practice.',
      'Make the annual report show progress on shared priorities, the quality of multi-agency practice and what help, protection and care change for children.',
    ]),
    ...numbered('strength', [
      'Multi-agency audits give the board a robust view of frontline practice, and their learning is shared and re-audited for impact.',
      'Section 11 audits are rigorous: every partner completed one, gaps were found and leads held to account through a monitored action plan.',
      'Section 175 safeguarding audits reached 41 schools, all but one of which responded, and a sub-group monitors the resulting action plan.',
    ]),
  ],
}

/**
 * The papers (Appendix 8(a) and the September 2023 improvement plan report) say only that the
 * inspection "concluded December 2022" and was "published February 2023", so endedOn and
 * publishedOn are the last days of those months and startedOn is unknown. They state no overall
 * or area judgements, so none is recorded.
 */
const ILACS_2022: DemoInspection = {
  slug: 'ilacs-2022',
  title: 'Inspection of local authority children’s services (ILACS)',
  inspectorates: 'Ofsted',
  kind: 'ILACS',
  startedOn: null,
  endedOn: '2022-12-31',
  publishedOn: '2023-02-28',
  overallJudgement: null,
  summary:
    'Ofsted found services much improved since 2019 but named four broad areas to develop, led by how agencies together respond to domestic abuse, neglect and complex needs. The council’s improvement plan for April 2023 to October 2024 answers them.',
  judgements: [],
  findings: numbered('area for improvement', [
    'Strengthen how agencies together respond to children living with domestic abuse or long-term neglect, and to children with complex needs.',
    'Get partners to play a bigger part in early help and in tackling neglect.',
    'Have enough placements to meet the needs that children have been assessed as having.',
    'Meet children’s dental and emotional health needs without delay.',
    'Improve the response to children who are privately fostered.',
    'Improve work under the Public Law Outline, including pre-proceedings.',
    'Take the Blackpool Families Rock approach to practice further.',
    'Monitor children placed in unregistered settings and record clearly why such placements are decided on.',
  ]),
}

/** Dates from the SEND Written Statement of Action update; the findings letter appeared on 26 May 2022. */
const SEND_2022: DemoInspection = {
  slug: 'send-2022',
  title: 'Joint local area SEND inspection',
  inspectorates: 'Ofsted and the Care Quality Commission',
  kind: 'SEND area inspection',
  startedOn: '2022-02-28',
  endedOn: '2022-03-04',
  publishedOn: '2022-05-26',
  overallJudgement: null,
  summary:
    'Ofsted and the CQC looked at how well the local area had put the SEND reforms into practice. They found four significant weaknesses, so the area had to write a Written Statement of Action.',
  // Area SEND inspections under the 2016 framework gave no graded judgements.
  judgements: [],
  findings: numbered('significant weakness', [
    'The area’s SEND improvement strategy was not specific enough and lacked clear ownership and accountability.',
    'Duties to prepare children and young people with SEND for adulthood were not being met.',
    'Communication with parents and carers across the area was poor.',
    'Waiting times for some therapies, speech and language therapy above all, were long.',
  ]),
}

export const DEMO_INSPECTIONS: DemoInspection[] = [OFSTED_2014, LSCB_2014, SEND_2022, ILACS_2022]

/** Inserts them; returns finding ids keyed `${inspectionSlug}:${kind}:${number}`, e.g. 'ilacs-2022:area for improvement:3'. */
export async function insertDemoInspections(trx: Trx): Promise<Map<string, string>> {
  const findingIds = new Map<string, string>()
  for (const { judgements, findings, ...inspection } of DEMO_INSPECTIONS) {
    const { id: inspectionId } = await trx
      .insertInto('inspections')
      .values(inspection)
      .returning('id')
      .executeTakeFirstOrThrow()
    if (judgements.length > 0) {
      await trx
        .insertInto('inspectionJudgements')
        .values(judgements.map((judgement, position) => ({ ...judgement, inspectionId, position })))
        .execute()
    }
    if (findings.length === 0) continue
    const rows = await trx
      .insertInto('inspectionFindings')
      .values(findings.map((finding) => ({ ...finding, inspectionId })))
      .returning(['id', 'kind', 'number'])
      .execute()
    for (const row of rows) findingIds.set(`${inspection.slug}:${row.kind}:${row.number}`, row.id)
  }
  return findingIds
}
