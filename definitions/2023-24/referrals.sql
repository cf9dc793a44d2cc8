-- name: Referrals per 10,000 children
-- unit: rate per 10000
-- tables: cin_referrals
-- description: Referrals to children's social care received in the year, per 10,000 children aged 0 to 17.
-- source: DfE, Characteristics of children in need, referrals per 10,000 children (all referrals, including those with no further action).
select
  count(*) as numerator,
  cast($population as double) as denominator
from cin_referrals
where extract_id = $cin
  and referral_date between $year_start::date and $year_end::date
