-- name: Child protection plans ending after 2 years or more
-- unit: percentage
-- tables: cin_cp_plans
-- description: Child protection plans that ended in the year having lasted 2 years or more.
-- source: DfE, Characteristics of children in need, plans ceasing in the year which lasted 2 years or more.
select
  count(*) filter (where end_date >= start_date + interval 2 year) as numerator,
  count(*) as denominator
from cin_cp_plans
where extract_id = $cin
  and end_date between $year_start::date and $year_end::date
