-- name: Assessments completed within 45 working days
-- unit: percentage
-- tables: cin_assessments
-- description: Assessments completed (authorised) in the year within 45 working days of the assessment's start.
-- source: DfE, Characteristics of children in need, timeliness of assessments (working days from the assessment's start to its authorisation; weekends and England and Wales bank holidays do not count).
select
  count(*) filter (where finished.working_days - started.working_days <= 45) as numerator,
  count(*) as denominator
from cin_assessments a
left join working_day_calendar started on started.day = a.start_date
left join working_day_calendar finished on finished.day = a.authorisation_date
where a.extract_id = $cin
  and a.authorisation_date between $year_start::date and $year_end::date
