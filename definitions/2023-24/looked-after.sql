-- name: Children looked after per 10,000 children
-- unit: rate per 10000
-- tables: ssda903_episodes
-- description: Children looked after at 31 March, per 10,000 children aged 0 to 17.
-- source: DfE, Children looked after in England including adoptions, children looked after at 31 March per 10,000 (children on an agreed series of short breaks, legal status V3 or V4, are not counted).
select
  count(distinct child) as numerator,
  cast($population as double) as denominator
from ssda903_episodes
where extract_id = $lac
  and coalesce(ls, '') not in ('V3', 'V4')
  and decom <= $year_end::date
  and (dec is null or dec > $year_end::date)
