import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

const judgement = `check (%s in ('outstanding', 'good', 'requires improvement', 'inadequate'))`

/**
 * Inspections with their judgements and findings; improvement plans with versions, themes,
 * actions (their leads and the findings they answer), milestones, dated updates, and the
 * meetings that considered each plan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table inspections (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      title text not null,
      inspectorates text not null,
      kind text not null check (kind in ('single inspection framework', 'ILACS', 'SEND area inspection', 'LSCB review', 'focused visit', 'other')),
      started_on date,
      ended_on date,
      published_on date,
      overall_judgement text ${judgement.replace('%s', 'overall_judgement')},
      summary text not null default '',
      created_at timestamptz not null default now()
    )`,
    `create table inspection_judgements (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections(id) on delete cascade,
      area text not null,
      judgement text not null ${judgement.replace('%s', 'judgement')},
      position integer not null default 0
    )`,
    `create table inspection_findings (
      id uuid primary key default gen_random_uuid(),
      inspection_id uuid not null references inspections(id) on delete cascade,
      kind text not null check (kind in ('priority action', 'area for improvement', 'significant weakness', 'strength')),
      number integer not null check (number > 0),
      text text not null,
      unique (inspection_id, kind, number)
    )`,
    `create table improvement_plans (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      title text not null,
      owner text not null default '',
      owner_person_id uuid references people(id) on delete set null,
      starts_on date,
      ends_on date,
      version text not null default '1.0',
      created_at timestamptz not null default now()
    )`,
    `create table plan_inspections (
      plan_id uuid not null references improvement_plans(id) on delete cascade,
      inspection_id uuid not null references inspections(id) on delete cascade,
      primary key (plan_id, inspection_id)
    )`,
    `create table plan_versions (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references improvement_plans(id) on delete cascade,
      version text not null,
      on_date date not null,
      by_whom text not null,
      changes text not null,
      unique (plan_id, version)
    )`,
    `create table plan_considerations (
      plan_id uuid not null references improvement_plans(id) on delete cascade,
      meeting_id uuid not null references meetings(id) on delete cascade,
      primary key (plan_id, meeting_id)
    )`,
    `create table plan_themes (
      id uuid primary key default gen_random_uuid(),
      plan_id uuid not null references improvement_plans(id) on delete cascade,
      number text not null,
      title text not null,
      lead text not null default '',
      position integer not null default 0,
      unique (plan_id, number)
    )`,
    `create table plan_actions (
      id uuid primary key default gen_random_uuid(),
      theme_id uuid not null references plan_themes(id) on delete cascade,
      reference text not null,
      title text not null,
      position integer not null default 0
    )`,
    `create table plan_action_leads (
      action_id uuid not null references plan_actions(id) on delete cascade,
      position integer not null default 0,
      name text not null,
      job_title text not null default '',
      person_id uuid references people(id) on delete set null,
      primary key (action_id, position)
    )`,
    `create index plan_action_leads_person_idx on plan_action_leads (person_id)`,
    `create table plan_action_findings (
      action_id uuid not null references plan_actions(id) on delete cascade,
      finding_id uuid not null references inspection_findings(id) on delete cascade,
      primary key (action_id, finding_id)
    )`,
    `create table plan_milestones (
      id uuid primary key default gen_random_uuid(),
      action_id uuid not null references plan_actions(id) on delete cascade,
      text text not null,
      due_on date,
      due_note text not null default '',
      status text not null default 'not started' check (status in ('not started', 'in progress', 'complete', 'delayed', 'dropped')),
      completed_on date,
      position integer not null default 0
    )`,
    `create table plan_updates (
      id uuid primary key default gen_random_uuid(),
      action_id uuid references plan_actions(id) on delete cascade,
      milestone_id uuid references plan_milestones(id) on delete cascade,
      on_date date not null,
      author text not null,
      text text not null,
      status_from text,
      status_to text,
      created_at timestamptz not null default now(),
      check ((action_id is null) <> (milestone_id is null))
    )`,
    `create index plan_updates_milestone_idx on plan_updates (milestone_id, on_date)`,
    `create index plan_updates_action_idx on plan_updates (action_id, on_date)`,
  ])
}
