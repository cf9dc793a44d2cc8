-- name: Children looked after with 3 or more placements in the year
-- unit: percentage
-- tables: ssda903_episodes
-- description: Children looked after at 31 March who had 3 or more placements during the year.
-- source: DfE, Children looked after in England including adoptions (placement stability), children looked after at 31 March with three or more placements during the year.
-- departure: A placement is each episode in the year that began one (reason for new episode S, P, T or U) and the first episode open in the year; a change of legal status only (L) or of placement with the same carer (B) is not a new placement. Temporary placements (T0 to T4) are not left out.
with episodes as (
  select
    child,
    decom,
    dec,
    rne,
    row_number() over (partition by child order by decom) as nth
  from ssda903_episodes
  where extract_id = $lac
    and coalesce(ls, '') not in ('V3', 'V4')
    and decom <= $year_end::date
    and (dec is null or dec >= $year_start::date)
),
children as (
  select
    child,
    count(*) filter (where nth = 1 or rne in ('S', 'P', 'T', 'U')) as placements,
    bool_or(dec is null or dec > $year_end::date) as at_31_march
  from episodes
  group by child
)
select
  count(*) filter (where placements >= 3) as numerator,
  count(*) as denominator
from children
where at_31_march
