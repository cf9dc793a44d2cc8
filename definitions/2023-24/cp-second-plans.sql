-- name: Second or subsequent child protection plans
-- unit: percentage
-- tables: cin_cp_plans
-- description: Child protection plans started in the year for a child who had been the subject of a plan before.
-- source: DfE, Characteristics of children in need, children becoming the subject of a plan for a second or subsequent time.
-- departure: A plan counts as second or subsequent when the census gives a number of previous plans of 1 or more, or holds an earlier plan for the same child.
with plans as (
  select
    child,
    start_date,
    previous_plans,
    min(start_date) over (partition by child) as first_start
  from cin_cp_plans
  where extract_id = $cin
)
select
  count(*) filter (where coalesce(previous_plans, 0) > 0 or first_start < start_date) as numerator,
  count(*) as denominator
from plans
where start_date between $year_start::date and $year_end::date
