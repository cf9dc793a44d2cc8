-- name: Adoption A2: days from placement order to match
-- unit: days
-- tables: ssda903_episodes, ssda903_ad1
-- description: For children adopted in the year, the average number of days from the court's placement order to the decision matching them with their adoptive family.
-- source: DfE adoption scorecard A2 (average time between a local authority receiving court authority to place a child and deciding on a match to an adoptive family; a match made before the order counts as 0 days).
-- departure: One year's adoptions, not the scorecard's three. The placement order is the start of the first episode with legal status E1 (placement order granted) or D1 (freeing order) that the return holds.
with episodes as (
  select child, decom, dec, ls, rec
  from ssda903_episodes
  where extract_id = $lac
),
adopted as (
  select child, max(dec) as adopted_on
  from episodes
  where rec in ('E11', 'E12') and dec between $year_start::date and $year_end::date
  group by child
),
ordered as (
  select a.child, min(e.decom) as order_date
  from adopted a
  join episodes e on e.child = a.child and e.ls in ('E1', 'D1') and e.decom <= a.adopted_on
  group by a.child
),
matched as (
  select child, max(date_match) as date_match
  from ssda903_ad1
  where extract_id = $lac and date_match is not null
  group by child
)
select
  coalesce(sum(greatest(datediff('day', o.order_date, m.date_match), 0)), 0) as numerator,
  count(*) as denominator
from ordered o
join matched m using (child)
