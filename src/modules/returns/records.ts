/**
 * The rows kept from the council's statutory returns, and the only fields kept: the SSDA903 tables
 * (children looked after), the children in need census and Ofsted's Annex A lists. Each table is an
 * allow-list of fields, each read from the return's own column and checked as it is read; anything
 * else in the return (unique pupil numbers, names, addresses, full postcodes, free text, provider
 * numbers) is never kept. The child's own id is kept only as a pseudonym (pseudonym.ts).
 */

/**
 * How a field is read and what is kept of it:
 * - child: the child's id, kept as its pseudonym
 * - date: a date, kept as YYYY-MM-DD
 * - month: a date of birth, kept as the first of its month
 * - district: a postcode, kept as its district (the outward code)
 * - code: one of the return's codes (`codes`), or any short code when none are listed
 * - count: a whole number from 0
 * - flag: yes or no, kept as true or false
 */
export type FieldKind = 'child' | 'date' | 'month' | 'district' | 'code' | 'count' | 'flag'

export interface FieldSpec {
  /** The field's name in the rows kept. */
  name: string
  /** The column (or element) in the return, and other names it goes by. */
  source: string | readonly string[]
  kind: FieldKind
  /** A row without it, or with it wrong, is not kept. */
  required?: boolean
  codes?: readonly string[]
}

export interface TableSpec {
  /** The table's name in the rows kept. */
  name: string
  fields: readonly FieldSpec[]
}

/** The returns an extract can be: the SSDA903 (children looked after), the CIN census, Ofsted's Annex A. */
export type ExtractKind = '903' | 'cin' | 'annex-a'

export type Value = string | number | boolean | null
/** A row as kept: the table's allow-listed fields, each normalised or null. */
export type ReturnRow = Record<string, Value>

/** A problem with one row of a return: which table, which row (as the file numbers it), which field. */
export interface RowProblem {
  table: string
  row: number
  field: string
  message: string
}

const f = (
  name: string,
  source: string | readonly string[],
  kind: FieldKind,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ name, source, kind, ...extra })
const child = (source: string | readonly string[] = 'CHILD') => f('child', source, 'child', { required: true })
const birthMonth = (source: string | readonly string[] = 'DOB') => f('birth_month', source, 'month')

// The SSDA903 code lists, as the DfE's guidance for the return sets them out.
export const SEX_903 = ['1', '2'] as const
export const LEGAL_STATUS = ['C1', 'C2', 'D1', 'E1', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3', 'V2', 'V3', 'V4'] as const
export const REASON_NEW_EPISODE = ['L', 'P', 'T', 'S', 'U', 'B'] as const
export const CATEGORY_OF_NEED = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const
export const PLACEMENT = [
  'A3',
  'A4',
  'A5',
  'A6',
  'H5',
  'K1',
  'K2',
  'P1',
  'P2',
  'P3',
  'R1',
  'R2',
  'R3',
  'R5',
  'S1',
  'T0',
  'T1',
  'T2',
  'T3',
  'T4',
  'U1',
  'U2',
  'U3',
  'U4',
  'U5',
  'U6',
  'Z1',
] as const
export const PLACEMENT_PROVIDER = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const
export const REASON_EPISODE_CEASED = [
  'E11',
  'E12',
  'E13',
  'E14',
  'E15',
  'E16',
  'E17',
  'E2',
  'E3',
  'E41',
  'E45',
  'E46',
  'E47',
  'E48',
  'E4A',
  'E4B',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9',
  'X1',
] as const
export const REASON_PLACE_CHANGE = [
  'ALLEG',
  'APPRR',
  'CARPL',
  'CHILD',
  'CLOSE',
  'CREQB',
  'CREQO',
  'CUSTOD',
  'LAREQ',
  'OTHER',
  'PLACE',
  'STAND',
] as const
export const REVIEW_CODE = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const
export const MISSING_KIND = ['M', 'A'] as const
export const IN_TOUCH = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const
export const ACTIVITY = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6'] as const
/** Accommodation codes end in 1 when it is suitable and 2 when it is not (0 when not known). */
export const ACCOMMODATION = ['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'].flatMap(
  (letter) => [`${letter}1`, `${letter}2`],
)
export const PREVIOUS_PERMANENCE = ['P1', 'P2', 'P3', 'P4', 'Z1'] as const
export const REASON_PLACED_CEASED = ['RD1', 'RD2', 'RD3', 'RD4'] as const

export const TABLES_903 = {
  header: {
    name: 'ssda903_header',
    fields: [
      child(),
      f('sex', 'SEX', 'code', { codes: SEX_903 }),
      birthMonth(),
      f('ethnic', 'ETHNIC', 'code'),
      f('mother', 'MOTHER', 'flag'),
      f('mother_child_birth_month', 'MC_DOB', 'month'),
    ],
  },
  episodes: {
    name: 'ssda903_episodes',
    fields: [
      child(),
      f('decom', 'DECOM', 'date', { required: true }),
      f('rne', 'RNE', 'code', { codes: REASON_NEW_EPISODE }),
      f('ls', 'LS', 'code', { codes: LEGAL_STATUS }),
      f('cin', 'CIN', 'code', { codes: CATEGORY_OF_NEED }),
      f('place', 'PLACE', 'code', { codes: PLACEMENT }),
      f('place_provider', 'PLACE_PROVIDER', 'code', { codes: PLACEMENT_PROVIDER }),
      f('dec', 'DEC', 'date'),
      f('rec', 'REC', 'code', { codes: REASON_EPISODE_CEASED }),
      f('reason_place_change', 'REASON_PLACE_CHANGE', 'code', { codes: REASON_PLACE_CHANGE }),
      f('home_district', 'HOME_POST', 'district'),
      f('place_district', 'PL_POST', 'district'),
    ],
  },
  reviews: {
    name: 'ssda903_reviews',
    fields: [
      child(),
      birthMonth(),
      f('review', 'REVIEW', 'date', { required: true }),
      f('review_code', 'REVIEW_CODE', 'code', { codes: REVIEW_CODE }),
    ],
  },
  missing: {
    name: 'ssda903_missing',
    fields: [
      child(),
      birthMonth(),
      f('missing', 'MISSING', 'code', { codes: MISSING_KIND, required: true }),
      f('mis_start', 'MIS_START', 'date', { required: true }),
      f('mis_end', 'MIS_END', 'date'),
    ],
  },
  oc2: {
    name: 'ssda903_oc2',
    fields: [
      child(),
      birthMonth(),
      f('sdq_score', 'SDQ_SCORE', 'count'),
      f('convicted', 'CONVICTED', 'flag'),
      f('health_check', 'HEALTH_CHECK', 'flag'),
      f('immunisations', 'IMMUNISATIONS', 'flag'),
      f('teeth_check', 'TEETH_CHECK', 'flag'),
      f('health_assessment', 'HEALTH_ASSESSMENT', 'flag'),
      f('substance_misuse', 'SUBSTANCE_MISUSE', 'flag'),
    ],
  },
  oc3: {
    name: 'ssda903_oc3',
    fields: [
      child(),
      birthMonth(),
      f('in_touch', 'IN_TOUCH', 'code', { codes: IN_TOUCH }),
      f('activ', 'ACTIV', 'code', { codes: ACTIVITY }),
      f('accom', 'ACCOM', 'code', { codes: ACCOMMODATION }),
    ],
  },
  ad1: {
    name: 'ssda903_ad1',
    fields: [
      child(),
      birthMonth(),
      f('date_int', 'DATE_INT', 'date'),
      f('date_match', 'DATE_MATCH', 'date'),
      f('foster_care', 'FOSTER_CARE', 'flag'),
      f('nb_adoptr', 'NB_ADOPTR', 'code', { codes: ['1', '2'] }),
      f('sex_adoptr', 'SEX_ADOPTR', 'code', { codes: ['M1', 'F1', 'MM', 'FF', 'MF'] }),
      f('ls_adoptr', 'LS_ADOPTR', 'code', { codes: ['L0', 'L11', 'L12', 'L2', 'L3', 'L4'] }),
    ],
  },
  placedAdoption: {
    name: 'ssda903_placed_adoption',
    fields: [
      child(),
      birthMonth(),
      f('date_placed', 'DATE_PLACED', 'date', { required: true }),
      f('date_placed_ceased', 'DATE_PLACED_CEASED', 'date'),
      f('reason_placed_ceased', 'REASON_PLACED_CEASED', 'code', { codes: REASON_PLACED_CEASED }),
    ],
  },
  previousPermanence: {
    name: 'ssda903_previous_permanence',
    fields: [
      child(),
      birthMonth(),
      f('prev_perm', 'PREV_PERM', 'code', { codes: PREVIOUS_PERMANENCE }),
      f('la_perm', 'LA_PERM', 'code'),
      // Often given only as a month or a year; kept as the return says it, when it is a full date.
      f('date_perm', 'DATE_PERM', 'date'),
    ],
  },
  uasc: {
    name: 'ssda903_uasc',
    fields: [child(), f('sex', 'SEX', 'code', { codes: SEX_903 }), birthMonth(), f('duc', 'DUC', 'date')],
  },
} as const satisfies Record<string, TableSpec>

export type Table903 = keyof typeof TABLES_903

// The children in need census (XML): each child's details, and each referral's parts, by the
// element names of the DfE's schema.
export const CIN_GENDER = ['0', '1', '2', '9'] as const
export const REFERRAL_SOURCE = [
  '1A',
  '1B',
  '1C',
  '1D',
  '2A',
  '2B',
  '3A',
  '3B',
  '3C',
  '3D',
  '3E',
  '3F',
  '4',
  '5A',
  '5B',
  '5C',
  '5D',
  '6',
  '7',
  '8',
  '9',
  '10',
] as const
export const PRIMARY_NEED = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const
export const REASON_FOR_CLOSURE = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'] as const
export const CATEGORY_OF_ABUSE = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const

const referral = f('referral_date', 'CINreferralDate', 'date', { required: true })

export const TABLES_CIN = {
  children: {
    name: 'cin_children',
    fields: [
      child('LAchildID'),
      f('sex', ['PersonSex', 'GenderCurrent', 'Sex'], 'code', { codes: CIN_GENDER }),
      birthMonth('PersonBirthDate'),
      f('ethnicity', 'Ethnicity', 'code'),
      f('disabled', 'Disability', 'flag'),
    ],
  },
  referrals: {
    name: 'cin_referrals',
    fields: [
      child('LAchildID'),
      referral,
      f('referral_source', 'ReferralSource', 'code', { codes: REFERRAL_SOURCE }),
      f('primary_need', 'PrimaryNeedCode', 'code', { codes: PRIMARY_NEED }),
      f('closure_date', 'CINclosureDate', 'date'),
      f('closure_reason', 'ReasonForClosure', 'code', { codes: REASON_FOR_CLOSURE }),
      f('referral_nfa', 'ReferralNFA', 'flag'),
    ],
  },
  assessments: {
    name: 'cin_assessments',
    fields: [
      child('LAchildID'),
      referral,
      f('start_date', 'AssessmentActualStartDate', 'date', { required: true }),
      f('authorisation_date', 'AssessmentAuthorisationDate', 'date'),
    ],
  },
  section47: {
    name: 'cin_section47',
    fields: [
      child('LAchildID'),
      referral,
      f('start_date', 'S47ActualStartDate', 'date', { required: true }),
      f('icpc_target', 'InitialCPCtarget', 'date'),
      f('icpc_date', 'DateOfInitialCPC', 'date'),
      f('icpc_not_required', 'ICPCnotRequired', 'flag'),
    ],
  },
  cpPlans: {
    name: 'cin_cp_plans',
    fields: [
      child('LAchildID'),
      referral,
      f('start_date', 'CPPstartDate', 'date', { required: true }),
      f('end_date', 'CPPendDate', 'date'),
      f('initial_category', 'InitialCategoryOfAbuse', 'code', { codes: CATEGORY_OF_ABUSE }),
      f('latest_category', 'LatestCategoryOfAbuse', 'code', { codes: CATEGORY_OF_ABUSE }),
      f('previous_plans', 'NumberOfPreviousCPP', 'count'),
    ],
  },
  cinPlans: {
    name: 'cin_plans',
    fields: [
      child('LAchildID'),
      referral,
      f('start_date', 'CINPlanStartDate', 'date', { required: true }),
      f('end_date', 'CINPlanEndDate', 'date'),
    ],
  },
} as const satisfies Record<string, TableSpec>

export type TableCin = keyof typeof TABLES_CIN

// Ofsted's Annex A lists: each sheet found by the words in its name, each column by its heading
// (headings differ a little between years, so each has the names it has gone by).
const annexChild = child(['Child Unique ID', 'Child ID', 'Unique ID'])
const annexCommon = [
  annexChild,
  // Ofsted's lists write gender and ethnicity in words as well as codes: kept as written, checked later.
  f('gender', 'Gender', 'code'),
  f('ethnicity', 'Ethnicity', 'code'),
  birthMonth(['Date of Birth', 'Date of birth', 'DOB']),
]

export interface AnnexSheetSpec extends TableSpec {
  /** Words that name the sheet (any one is enough), compared without case or punctuation. */
  sheet: readonly string[]
}

export const TABLES_ANNEX_A = {
  contacts: {
    name: 'annex_a_contacts',
    sheet: ['list 1', 'contacts'],
    fields: [
      ...annexCommon,
      f('contact_date', 'Date of Contact', 'date', { required: true }),
      f('contact_source', 'Contact Source', 'code'),
    ],
  },
  referrals: {
    name: 'annex_a_referrals',
    sheet: ['list 3', 'referrals'],
    fields: [
      ...annexCommon,
      f('referral_date', ['Date of referral', 'Referral Date'], 'date', { required: true }),
      f('referral_source', 'Referral Source', 'code'),
      f('referral_nfa', ['Referral NFA?', 'Referral NFA'], 'flag'),
      f(
        'referrals_last_12_months',
        ['Number of Referrals in Last 12 Months', 'Number of referrals in the last 12 months'],
        'count',
      ),
    ],
  },
  assessments: {
    name: 'annex_a_assessments',
    sheet: ['list 4', 'assessments'],
    fields: [
      ...annexCommon,
      f('start_date', ['Continuous Assessment Start Date', 'Assessment start date'], 'date', { required: true }),
      f('child_seen', ['Child Seen During Continuous Assessment', 'Child seen'], 'flag'),
      f('authorisation_date', ['Continuous Assessment Date of Authorisation', 'Assessment authorisation date'], 'date'),
      f(
        'requires_support',
        [
          'Was the child assessed as requiring LA children’s social care support?',
          "Was the child assessed as requiring LA children's social care support?",
        ],
        'flag',
      ),
    ],
  },
  section47: {
    name: 'annex_a_section47',
    sheet: ['list 5', 'section 47', 's47'],
    fields: [
      ...annexCommon,
      f(
        'strategy_date',
        ['Strategy discussion initiating Section 47 Enquiry Start Date', 'Section 47 start date'],
        'date',
        { required: true },
      ),
      f(
        'icpc_not_required',
        ['Was an Initial Child Protection Conference deemed unnecessary?', 'ICPC not required'],
        'flag',
      ),
      f('icpc_date', ['Date of Initial Child Protection Conference', 'ICPC date'], 'date'),
      f(
        'icpc_resulted_in_plan',
        ['Did the Initial Child Protection Conference Result in a Child Protection Plan', 'ICPC resulted in a plan'],
        'flag',
      ),
    ],
  },
  cp: {
    name: 'annex_a_child_protection',
    sheet: ['list 7', 'child protection'],
    fields: [
      ...annexCommon,
      f('start_date', ['Child Protection Plan Start Date', 'CP plan start date'], 'date', { required: true }),
      f('initial_category', ['Initial Category of Abuse', 'Initial category'], 'code'),
      f('latest_category', ['Latest Category of Abuse', 'Latest category'], 'code'),
      f('end_date', ['Child Protection Plan End Date', 'CP plan end date'], 'date'),
      f('previous_plans', ['Number of Previous Child Protection Plans', 'Number of previous CP plans'], 'count'),
    ],
  },
  cla: {
    name: 'annex_a_children_in_care',
    sheet: ['list 8', 'children in care', 'looked after'],
    fields: [
      ...annexCommon,
      f('legal_status', 'Legal Status', 'code'),
      f('start_date', ['Date Started to be Looked After', 'Date started to be looked after'], 'date', {
        required: true,
      }),
      f(
        'placements_last_12_months',
        ['Number of Placements in Last 12 Months', 'Number of placements in the last 12 months'],
        'count',
      ),
      f('placement_type', 'Placement Type', 'code'),
      f('placement_start_date', 'Placement Start Date', 'date'),
      f('placement_district', ['Placement postcode', 'Placement Postcode'], 'district'),
      f('end_date', ['Date Ceased to be Looked After', 'Date ceased to be looked after'], 'date'),
      f('reason_ceased', ['Reason Ceased to be Looked After', 'Reason ceased to be looked after'], 'code'),
    ],
  },
  careLeavers: {
    name: 'annex_a_care_leavers',
    sheet: ['list 9', 'care leavers'],
    fields: [
      ...annexCommon,
      f('in_touch', ['In touch category', 'In Touch'], 'code'),
      f('latest_contact', ['Latest date of contact', 'Latest Date of Contact'], 'date'),
      f('accommodation', ['Type of Accommodation', 'Accommodation'], 'code'),
      f('accommodation_suitable', ['Suitability of Accommodation', 'Accommodation suitable'], 'flag'),
      f('activity', ['Activity Status', 'Activity'], 'code'),
    ],
  },
  adoption: {
    name: 'annex_a_adoption',
    sheet: ['list 10', 'adoption'],
    fields: [
      ...annexCommon,
      f('entered_care', ['Date the Child Entered Care', 'Date entered care'], 'date'),
      f('decision_date', ['Date of Decision that Child Should be Placed for Adoption', 'ADM decision date'], 'date'),
      f('placement_order_date', ['Date of Placement Order', 'Placement order date'], 'date'),
      f('matched_date', ['Date of Matching Child and Prospective Adopters', 'Date matched'], 'date'),
      f('placed_date', ['Date Placed for Adoption', 'Date placed'], 'date'),
      f('adoption_order_date', ['Date of Adoption Order', 'Adoption order date'], 'date'),
      f('no_longer_date', ['Date of Decision that Child Should No Longer be Placed for Adoption'], 'date'),
    ],
  },
} as const satisfies Record<string, AnnexSheetSpec>

export type TableAnnexA = keyof typeof TABLES_ANNEX_A

/** Every table kept from every return, by its name in the rows kept. */
export const ALL_TABLES: readonly TableSpec[] = [
  ...Object.values(TABLES_903),
  ...Object.values(TABLES_CIN),
  ...Object.values(TABLES_ANNEX_A),
]

/** The names a field's source goes by. */
export const sourcesOf = (field: FieldSpec): readonly string[] =>
  typeof field.source === 'string' ? [field.source] : field.source
