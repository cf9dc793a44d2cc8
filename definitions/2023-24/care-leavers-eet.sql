-- name: Care leavers aged 19 to 21 in education, employment or training
-- unit: percentage
-- tables: ssda903_oc3
-- description: Care leavers aged 19, 20 or 21 on their birthday in the year who were in education, employment or training.
-- source: DfE, Children looked after in England including adoptions (care leavers), care leavers aged 19 to 21 in education, employment or training (of all care leavers of that age, including those not in touch).
-- departure: Age is worked out from the month of birth, as the age reached by 31 March.
with leavers as (
  select child, any_value(activ) as activ
  from ssda903_oc3
  where extract_id = $lac
    and date_sub('year', birth_month, $year_end::date) between 19 and 21
  group by child
)
select
  count(*) filter (where left(activ, 1) in ('F', 'P')) as numerator,
  count(*) as denominator
from leavers
