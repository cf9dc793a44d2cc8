-- name: Initial child protection conferences within 15 working days
-- unit: percentage
-- tables: cin_section47
-- description: Initial child protection conferences held in the year within 15 working days of the start of the section 47 enquiry.
-- source: DfE, Characteristics of children in need, timeliness of initial child protection conferences (working days from the section 47 enquiry's start, the strategy discussion, to the conference).
-- departure: Conferences for children who moved in from another authority (transfer-in conferences) are not in the census as such and are counted like any other.
select
  count(*) filter (where held.working_days - started.working_days <= 15) as numerator,
  count(*) as denominator
from cin_section47 s
left join working_day_calendar started on started.day = s.start_date
left join working_day_calendar held on held.day = s.icpc_date
where s.extract_id = $cin
  and s.icpc_date between $year_start::date and $year_end::date
