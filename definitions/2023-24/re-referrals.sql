-- name: Re-referrals within 12 months
-- unit: percentage
-- tables: cin_referrals
-- description: Referrals in the year that came within 12 months of the same child's previous referral.
-- source: DfE, Characteristics of children in need, re-referrals within 12 months of a previous referral.
-- departure: The census holds only the referrals open at some time in the year, so a previous referral closed before 1 April is not seen and its re-referral is not counted; the DfE links censuses of earlier years.
with linked as (
  select
    referral_date,
    lag(referral_date) over (partition by child order by referral_date) as previous
  from cin_referrals
  where extract_id = $cin
)
-- Two rows for the same child and day are one referral: the second has the first as its previous,
-- so it is counted in neither the numerator nor the denominator.
select
  count(*) filter (where previous < referral_date and previous >= referral_date - interval 12 month) as numerator,
  count(*) filter (where previous is null or previous < referral_date) as denominator
from linked
where referral_date between $year_start::date and $year_end::date
