import type { Rule } from './rules.ts'

/**
 * The DfE's validation rules for the children in need census that the fields kept allow to be
 * checked, each with its code and message as the DfE's validator for the census gives them. A
 * referral's parts (assessments, section 47 enquiries, plans) belong to it by the child and the
 * referral date, which the rows kept carry.
 */

const REFERRALS = `select child, "row" from cin_referrals where extract_id = $extract`
const ASSESSMENTS = `select child, "row" from cin_assessments where extract_id = $extract`
const SECTION_47 = `select child, "row" from cin_section47 where extract_id = $extract`
const IN_YEAR = `between $year_start::date and $year_end::date`

const rule = (code: string, table: string, field: string, message: string, sql: string): Rule => ({
  code,
  kind: 'cin',
  message,
  table,
  field,
  sql,
})

export const RULES_CIN: readonly Rule[] = [
  rule(
    '4000',
    'cin_plans',
    'start_date',
    'CIN Plan details provided for a referral with no further action',
    `select p.child, p."row" from cin_plans p
     where p.extract_id = $extract
       and exists (select 1 from cin_referrals r where r.extract_id = $extract and r.child = p.child
         and r.referral_date = p.referral_date and r.referral_nfa)`,
  ),
  rule(
    '8600',
    'cin_referrals',
    'referral_date',
    'Child referral date missing or after data collection period',
    `${REFERRALS} and (referral_date is null or referral_date > $year_end::date)`,
  ),
  rule(
    '8608',
    'cin_assessments',
    'start_date',
    'Assessment Start Date cannot be later than its End Date',
    `${ASSESSMENTS} and start_date > authorisation_date`,
  ),
  rule(
    '8610',
    'cin_referrals',
    'primary_need',
    'Primary Need code is missing for a referral which led to further action.',
    `${REFERRALS} and referral_nfa = false and primary_need is null`,
  ),
  rule(
    '8615',
    'cin_section47',
    'start_date',
    'Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference',
    `${SECTION_47} and icpc_date is not null and (start_date is null or start_date > icpc_date)`,
  ),
  rule(
    '8620',
    'cin_referrals',
    'closure_date',
    'CIN Closure Date present and does not fall within the Census year',
    `${REFERRALS} and closure_date is not null and closure_date not ${IN_YEAR}`,
  ),
  rule(
    '8630',
    'cin_referrals',
    'closure_date',
    'CIN Closure Date is before CIN Referral Date for the same CIN episode',
    `${REFERRALS} and closure_date < referral_date`,
  ),
  rule(
    '8696',
    'cin_assessments',
    'authorisation_date',
    'Assessment end date must fall within the census year',
    `${ASSESSMENTS} and authorisation_date not ${IN_YEAR}`,
  ),
  rule(
    '8720',
    'cin_cp_plans',
    'start_date',
    'Child Protection Plan Start Date missing or out of data collection period',
    `select child, "row" from cin_cp_plans
     where extract_id = $extract and (start_date is null or start_date > $year_end::date)`,
  ),
  rule(
    '8740',
    'cin_section47',
    'start_date',
    'For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year',
    `${SECTION_47} and icpc_date is null and icpc_not_required = false and start_date not ${IN_YEAR}`,
  ),
  rule(
    '8805',
    'cin_referrals',
    'closure_reason',
    'A CIN case cannot have a CIN closure date without a Reason for Closure',
    `${REFERRALS} and closure_date is not null and closure_reason is null`,
  ),
  rule(
    '8810',
    'cin_referrals',
    'closure_date',
    'A CIN case cannot have a Reason for Closure without a CIN Closure Date',
    `${REFERRALS} and closure_reason is not null and closure_date is null`,
  ),
  rule(
    '8815',
    'cin_referrals',
    'closure_date',
    'More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.',
    `select child, "row" from (
       select child, "row", count(*) over (partition by child) as open_cases
       from cin_referrals where extract_id = $extract and closure_date is null and referral_nfa = false
     ) where open_cases > 1`,
  ),
  rule(
    '8820',
    'cin_referrals',
    'referral_date',
    'The dates on the CIN episodes for this child overlap',
    // A referral may start on the day the one before it closed.
    `select a.child, a."row" from cin_referrals a
     where a.extract_id = $extract
       and exists (select 1 from cin_referrals b where b.extract_id = $extract and b.child = a.child
         and b."row" <> a."row" and a.referral_date >= b.referral_date
         and (a.referral_date < b.closure_date
           or (b.closure_date is null and b.referral_nfa = false and a.referral_date <= $year_end::date)))`,
  ),
  rule(
    '8839',
    'cin_section47',
    'icpc_date',
    'Within one CINDetails group there are 2 or more open S47 Assessments',
    `select child, "row" from (
       select child, "row", count(*) over (partition by child, referral_date) as open_enquiries
       from cin_section47
       where extract_id = $extract and icpc_date is null and icpc_not_required is not true
     ) where open_enquiries > 1`,
  ),
  rule(
    '8866',
    'cin_referrals',
    'referral_source',
    'Source of Referral is missing or an invalid code',
    `${REFERRALS} and referral_date >= date '2013-04-01' and referral_source is null`,
  ),
  rule(
    '8867',
    'cin_assessments',
    'authorisation_date',
    'CIN episode is shown as closed, however Assessment is not shown as completed',
    `select a.child, a."row" from cin_assessments a
     where a.extract_id = $extract and a.authorisation_date is null
       and exists (select 1 from cin_referrals r where r.extract_id = $extract and r.child = a.child
         and r.referral_date = a.referral_date and r.closure_date is not null)`,
  ),
]
