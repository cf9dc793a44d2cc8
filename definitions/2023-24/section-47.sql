-- name: Section 47 enquiries per 10,000 children
-- unit: rate per 10000
-- tables: cin_section47
-- description: Section 47 enquiries started in the year, per 10,000 children aged 0 to 17.
-- source: DfE, Characteristics of children in need, section 47 enquiries per 10,000 children.
select
  count(*) as numerator,
  cast($population as double) as denominator
from cin_section47
where extract_id = $cin
  and start_date between $year_start::date and $year_end::date
