-- name: Children looked after who went missing
-- unit: percentage
-- tables: ssda903_episodes, ssda903_missing
-- description: Children looked after at some time in the year who went missing from their placement at least once in the year.
-- source: DfE, Children looked after in England including adoptions (missing from care), children looked after during the year who had a missing incident.
-- departure: Only episodes marked missing (M) count; absences without authorisation (A) do not.
with looked_after as (
  select distinct child
  from ssda903_episodes
  where extract_id = $lac
    and coalesce(ls, '') not in ('V3', 'V4')
    and decom <= $year_end::date
    and (dec is null or dec >= $year_start::date)
),
went_missing as (
  select distinct child
  from ssda903_missing
  where extract_id = $lac
    and missing = 'M'
    and mis_start between $year_start::date and $year_end::date
)
select
  count(w.child) as numerator,
  count(*) as denominator
from looked_after l
left join went_missing w using (child)
