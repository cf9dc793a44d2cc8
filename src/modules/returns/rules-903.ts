import type { Rule } from './rules.ts'

/**
 * The DfE's validation rules for the SSDA903 return that the fields kept allow to be checked, each
 * with its code and message as the DfE's validator for the return gives them (some shortened).
 * Dates of birth are kept only to the month, so a rule about age fails a row only when it fails
 * whatever the day of birth was.
 */

const EPISODES = `select * from ssda903_episodes where extract_id = $extract`
/** Each child's episodes in order, with the one before and after. */
const IN_ORDER = `select *,
    lag(place) over w as prev_place, lag(rec) over w as prev_rec,
    lead(place) over w as next_place, lead(rne) over w as next_rne,
    row_number() over w as n, count(*) over (partition by child) as episodes
  from ssda903_episodes where extract_id = $extract
  window w as (partition by child order by decom, "row")`
const HEADER = `select child, birth_month from ssda903_header where extract_id = $extract`
const TEMPORARY = `('T0', 'T1', 'T2', 'T3', 'T4')`

/** Legal status `ls` lasting more than `days` days, counting episodes that follow on as one stretch. */
const lastingLongerThan = (ls: string, days: number) => `
  select child, "row" from (
    select child, "row",
      datediff('day', min(decom) over stretch, max(coalesce(dec, $year_end::date)) over stretch) as days
    from (
      select *, sum(case when prev_dec = decom then 0 else 1 end) over (partition by child order by decom, "row") as stretch_no
      from (
        select child, "row", decom, dec,
          lag(coalesce(dec, $year_end::date)) over (partition by child order by decom, "row") as prev_dec
        from ssda903_episodes where extract_id = $extract and ls = '${ls}'
      )
    )
    window stretch as (partition by child, stretch_no)
  ) where days > ${days}`

const temporaryLongerThan = (place: string, days: number) =>
  `select child, "row" from ssda903_episodes
   where extract_id = $extract and place = '${place}' and datediff('day', decom, dec) > ${days}`

/** The start of each child's latest (or first) period of care: its episodes with reason S. */
const careStarted = (order: 'asc' | 'desc') => `
  select child, decom from (
    select child, decom, row_number() over (partition by child order by decom ${order}, "row" ${order}) as n
    from ssda903_episodes where extract_id = $extract and rne = 'S'
  ) where n = 1`

const rule = (code: string, table: string, field: string, message: string, sql: string): Rule => ({
  code,
  kind: '903',
  message,
  table,
  field,
  sql,
})

export const RULES_903: readonly Rule[] = [
  rule(
    '104',
    'ssda903_uasc',
    'duc',
    'Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.',
    `select child, "row" from ssda903_uasc where extract_id = $extract and duc < $year_start::date`,
  ),
  rule(
    '117',
    'ssda903_placed_adoption',
    'date_placed',
    'Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.',
    `select p.child, p."row" from ssda903_placed_adoption p
     left join (
       select child, dec from (
         select child, dec, row_number() over (partition by child order by decom desc, "row" desc) as n
         from ssda903_episodes where extract_id = $extract and rec is distinct from 'X1'
       ) where n = 1
     ) latest on latest.child = p.child
     where p.extract_id = $extract
       and (p.date_placed > $year_end::date or p.date_placed_ceased > $year_end::date
         or p.date_placed > latest.dec or p.date_placed_ceased > latest.dec)`,
  ),
  rule(
    '301',
    'ssda903_header',
    'birth_month',
    'Date of birth falls after the year ended.',
    `select child, "row" from ssda903_header where extract_id = $extract and birth_month > $year_end::date`,
  ),
  rule(
    '302',
    'ssda903_episodes',
    'decom',
    'First episode starts before child was born.',
    `select e.child, e."row" from (${IN_ORDER}) e join (${HEADER}) h on h.child = e.child
     where e.n = 1 and e.decom < h.birth_month`,
  ),
  rule(
    '334',
    'ssda903_ad1',
    'date_int',
    'Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.',
    `select a.child, a."row" from ssda903_ad1 a join (${careStarted('desc')}) s on s.child = a.child
     where a.extract_id = $extract and a.date_int < s.decom`,
  ),
  rule(
    '336',
    'ssda903_episodes',
    'place',
    'Child does not have a foster placement immediately prior to being placed for adoption.',
    `select child, "row" from (${IN_ORDER})
     where place in ('A3', 'A4') and n > 1
       and coalesce(prev_place, '') not in ('A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')`,
  ),
  rule(
    '351',
    'ssda903_header',
    'birth_month',
    'Child was over 21 at the start of the current collection year.',
    `select child, "row" from ssda903_header
     where extract_id = $extract and birth_month + interval 1 month + interval 21 year <= $year_start::date`,
  ),
  rule(
    '357',
    'ssda903_episodes',
    'rne',
    'If this is the first episode ever for this child, reason for new episode must be S.',
    `select child, "row" from (${IN_ORDER})
     where n = 1 and decom >= $year_start::date and rne is distinct from 'S'`,
  ),
  rule(
    '361',
    'ssda903_episodes',
    'ls',
    'Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.',
    lastingLongerThan('L1', 3),
  ),
  rule(
    '362',
    'ssda903_episodes',
    'ls',
    'Emergency protection order (EPO) lasted longer than 21 days.',
    lastingLongerThan('L2', 21),
  ),
  rule(
    '375',
    'ssda903_episodes',
    'dec',
    'Hospitalisation coded as a temporary placement exceeds six weeks.',
    temporaryLongerThan('T1', 42),
  ),
  rule(
    '376',
    'ssda903_episodes',
    'dec',
    'Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.',
    temporaryLongerThan('T3', 21),
  ),
  rule(
    '377',
    'ssda903_episodes',
    'place',
    'Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12-month period.',
    `select child, "row" from (
       select child, "row", count(*) over (partition by child) as holidays
       from ssda903_episodes where extract_id = $extract and place = 'T3'
     ) where holidays > 2`,
  ),
  rule(
    '379',
    'ssda903_episodes',
    'dec',
    'Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.',
    temporaryLongerThan('T4', 7),
  ),
  rule(
    '382',
    'ssda903_episodes',
    'place',
    'A child receiving respite care cannot be in a temporary placement.',
    `${EPISODES} and ls in ('V3', 'V4') and place in ${TEMPORARY}`,
  ),
  rule(
    '383',
    'ssda903_episodes',
    'place',
    'A child in a temporary placement must subsequently return to his/her normal placement.',
    `select child, "row" from (${IN_ORDER})
     where place in ${TEMPORARY} and n > 1 and n < episodes
       and (next_rne is distinct from 'P' or next_place is distinct from prev_place)`,
  ),
  rule(
    '391',
    'ssda903_oc3',
    'birth_month',
    'Young person was not 17, 18, 19, 20 or 21 during the current collection year.',
    `select child, "row" from ssda903_oc3
     where extract_id = $extract and birth_month + interval 17 year > $year_end::date
       and (in_touch is not null or activ is not null or accom is not null)`,
  ),
  rule(
    '392B',
    'ssda903_episodes',
    'home_district',
    'Child is looked after but no postcodes are recorded.',
    `${EPISODES} and ls is distinct from 'V3' and ls is distinct from 'V4'
       and (home_district is null or place_district is null)
       and child not in (select child from ssda903_uasc where extract_id = $extract)`,
  ),
  rule(
    '432',
    'ssda903_episodes',
    'rne',
    'The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.',
    `select child, "row" from (${IN_ORDER})
     where prev_rec is not null and prev_rec <> 'X1' and rne is distinct from 'S'`,
  ),
  rule(
    '460',
    'ssda903_episodes',
    'rec',
    'Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.',
    `select e.child, e."row" from ssda903_episodes e join (${HEADER}) h on h.child = e.child
     where e.extract_id = $extract and e.rec = 'E17' and h.birth_month + interval 18 year > e.dec`,
  ),
  rule(
    '529',
    'ssda903_episodes',
    'place_provider',
    'Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6.',
    `${EPISODES} and place_provider = 'PR3'
       and place in ('A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'P1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6')`,
  ),
  rule(
    '575',
    'ssda903_missing',
    'mis_end',
    'If the placement from which the child goes missing ends, the missing period must also have an end date.',
    `select m.child, m."row" from ssda903_missing m
     where m.extract_id = $extract and m.mis_end is null
       and exists (select 1 from ssda903_episodes e where e.extract_id = $extract and e.child = m.child
         and e.dec is not null and m.mis_start between e.decom and e.dec)`,
  ),
  rule(
    '579',
    'ssda903_placed_adoption',
    'date_placed',
    'A new decision that the child should be placed for adoption cannot start when the previous decision is still open, or overlap it.',
    `select child, "row" from (
       select child, "row", date_placed,
         lag(date_placed_ceased) over w as prev_ceased, row_number() over w as n
       from ssda903_placed_adoption where extract_id = $extract
       window w as (partition by child order by date_placed, "row")
     ) where n > 1 and (prev_ceased is null or date_placed < prev_ceased)`,
  ),
  rule(
    '601',
    'ssda903_ad1',
    'date_int',
    'The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.',
    `select a.child, a."row" from ssda903_ad1 a
     where a.extract_id = $extract
       and (a.date_int is null or a.date_match is null or a.foster_care is null or a.nb_adoptr is null
         or a.sex_adoptr is null or a.ls_adoptr is null)
       and exists (select 1 from ssda903_episodes e where e.extract_id = $extract and e.child = a.child
         and e.rec in ('E11', 'E12') and e.dec between $year_start::date and $year_end::date)`,
  ),
  rule(
    '1000',
    'ssda903_oc3',
    'in_touch',
    'This child is recorded as having died in care and therefore should not have the care leaver information completed.',
    `select child, "row" from ssda903_oc3 where extract_id = $extract
       and child in (select child from ssda903_episodes where extract_id = $extract and rec = 'E2')`,
  ),
  rule(
    '1003',
    'ssda903_placed_adoption',
    'date_placed',
    "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
    `select p.child, p."row" from ssda903_placed_adoption p join (${careStarted('asc')}) s on s.child = p.child
     where p.extract_id = $extract and p.date_placed < s.decom`,
  ),
  {
    ...rule(
      '1012',
      'ssda903_placed_adoption',
      'child',
      'No other data should be returned for OC3 children who had no episodes in the current year.',
      [
        'ssda903_placed_adoption',
        'ssda903_missing',
        'ssda903_reviews',
        'ssda903_ad1',
        'ssda903_previous_permanence',
        'ssda903_oc2',
      ]
        .map(
          (table) => `select child, "row", '${table}' as "table" from ${table}
            where extract_id = $extract
              and child not in (select child from ssda903_episodes where extract_id = $extract)`,
        )
        .join(' union all '),
    ),
    selectsTable: true,
  },
]
