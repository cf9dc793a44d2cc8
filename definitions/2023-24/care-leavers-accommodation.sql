-- name: Care leavers aged 19 to 21 in suitable accommodation
-- unit: percentage
-- tables: ssda903_oc3
-- description: Care leavers aged 19, 20 or 21 on their birthday in the year whose accommodation was suitable.
-- source: DfE, Children looked after in England including adoptions (care leavers), care leavers aged 19 to 21 in suitable accommodation (of all care leavers of that age, including those not in touch).
-- departure: Age is worked out from the month of birth, as the age reached by 31 March.
with leavers as (
  select child, any_value(accom) as accom
  from ssda903_oc3
  where extract_id = $lac
    and date_sub('year', birth_month, $year_end::date) between 19 and 21
  group by child
)
select
  count(*) filter (where right(accom, 1) = '1') as numerator,
  count(*) as denominator
from leavers
