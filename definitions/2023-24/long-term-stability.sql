-- name: Long-term placement stability
-- unit: percentage
-- tables: ssda903_episodes, ssda903_header
-- description: Children under 16 at 31 March, looked after for 2 and a half years or more, who had lived in the same placement for at least 2 years (or whose adoptive placement and the placement before it together lasted 2 years).
-- source: DfE, Children looked after in England including adoptions (placement stability), children aged under 16 looked after continuously for at least 2.5 years and living in the same placement for at least 2 years.
-- departure: The year's return holds only the episodes open during the year. A child's time in care is counted from the latest episode that started a period of care (S), or else from the earliest episode the return holds, so a child whose period began before that is counted as in care for less time than they were. A placement starts at its latest episode with a new placement (S, P, T or U), or else at the earliest episode held. Age is worked out from the month of birth.
with episodes as (
  select child, decom, dec, rne, place
  from ssda903_episodes
  where extract_id = $lac
    and coalesce(ls, '') not in ('V3', 'V4')
    and decom <= $year_end::date
),
current as (
  -- The episode open at 31 March.
  select child, place
  from episodes
  where dec is null or dec > $year_end::date
  qualify row_number() over (partition by child order by decom desc) = 1
),
spans as (
  select
    e.child,
    coalesce(max(e.decom) filter (where e.rne = 'S'), min(e.decom)) as entered,
    coalesce(max(e.decom) filter (where e.rne in ('S', 'P', 'T', 'U')), min(e.decom)) as placed
  from episodes e
  join current using (child)
  group by e.child
),
stable_from as (
  select
    s.child,
    s.entered,
    case
      -- Placed for adoption: the placement before the adoptive one counts too.
      when c.place in ('A3', 'A4', 'A5', 'A6') then coalesce(
        (
          select max(e.decom)
          from episodes e
          where e.child = s.child and e.rne in ('S', 'P', 'T', 'U') and e.decom < s.placed
        ),
        s.placed
      )
      else s.placed
    end as since
  from spans s
  join current c using (child)
),
eligible as (
  select f.child, f.since
  from stable_from f
  join (
    select child, any_value(birth_month) as birth_month
    from ssda903_header
    where extract_id = $lac
    group by child
  ) h using (child)
  where f.entered <= $year_end::date - interval 30 month
    and date_sub('year', h.birth_month, $year_end::date) < 16
)
select
  count(*) filter (where since <= $year_end::date - interval 2 year) as numerator,
  count(*) as denominator
from eligible
