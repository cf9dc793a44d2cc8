-- name: Adoption A1: days from entering care to moving in with the adoptive family
-- unit: days
-- tables: ssda903_episodes, ssda903_placed_adoption
-- description: For children adopted in the year, the average number of days from entering care to moving in with their adoptive family.
-- source: DfE adoption scorecard A1 (average time between a child entering care and moving in with its adoptive family, for children who have been adopted).
-- departure: One year's adoptions, not the scorecard's three. Care is counted from the latest episode that started a period of care (S) before the adoption, or else the earliest episode the return holds. Moving in is the date placed for adoption, or else the start of the adoptive placement (A3 to A6).
with episodes as (
  select child, decom, dec, rne, place, rec
  from ssda903_episodes
  where extract_id = $lac
),
adopted as (
  select child, max(dec) as adopted_on
  from episodes
  where rec in ('E11', 'E12') and dec between $year_start::date and $year_end::date
  group by child
),
timeline as (
  select
    a.child,
    coalesce(max(e.decom) filter (where e.rne = 'S'), min(e.decom)) as entered,
    min(e.decom) filter (where e.place in ('A3', 'A4', 'A5', 'A6')) as adoptive_placement
  from adopted a
  join episodes e on e.child = a.child and e.decom <= a.adopted_on
  group by a.child
),
placed as (
  select a.child, max(p.date_placed) as date_placed
  from adopted a
  join ssda903_placed_adoption p on p.child = a.child and p.extract_id = $lac and p.date_placed <= a.adopted_on
  group by a.child
),
waits as (
  select datediff('day', t.entered, coalesce(p.date_placed, t.adoptive_placement)) as days
  from timeline t
  left join placed p using (child)
  where coalesce(p.date_placed, t.adoptive_placement) is not null
)
select
  coalesce(sum(greatest(days, 0)), 0) as numerator,
  count(*) as denominator
from waits
