-- name: Children subject to a child protection plan per 10,000 children
-- unit: rate per 10000
-- tables: cin_cp_plans
-- description: Children who were the subject of a child protection plan at 31 March, per 10,000 children aged 0 to 17.
-- source: DfE, Characteristics of children in need, children on a child protection plan at 31 March per 10,000 children.
-- departure: A plan that ended on 31 March itself is not counted as open at 31 March.
select
  count(distinct child) as numerator,
  cast($population as double) as denominator
from cin_cp_plans
where extract_id = $cin
  and start_date <= $year_end::date
  and (end_date is null or end_date > $year_end::date)
