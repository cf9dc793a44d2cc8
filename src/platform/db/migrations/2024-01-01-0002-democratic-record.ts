import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

const exemptColumns = `
      exempt_paragraph smallint check (exempt_paragraph between 1 and 7),
      exempt_reason text,
      exempt_review_on date`

/** Bodies and memberships; meetings, agenda items, reports, appendices, documents; minutes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table bodies (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      kind text not null check (kind in ('committee', 'board', 'panel', 'group', 'executive')),
      remit text not null default '',
      created_at timestamptz not null default now()
    )`,
    `create table memberships (
      id uuid primary key default gen_random_uuid(),
      body_id uuid not null references bodies(id) on delete cascade,
      person_id uuid not null references people(id) on delete cascade,
      role text not null check (role in ('chair', 'vice-chair', 'member', 'co-opted member')),
      starts_on date,
      ends_on date
    )`,
    `create index memberships_body_idx on memberships (body_id)`,
    `create index memberships_person_idx on memberships (person_id)`,
    `create table meetings (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      body_id uuid not null references bodies(id),
      date date not null,
      start_time text,
      venue text not null default '',
      status text not null default 'scheduled' check (status in ('scheduled', 'held', 'cancelled', 'postponed')),
      notes text not null default '',
      created_at timestamptz not null default now()
    )`,
    `create index meetings_body_date_idx on meetings (body_id, date)`,
    `create index meetings_date_idx on meetings (date)`,
    `create table agenda_items (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      number integer not null,
      title text not null,
      purpose text not null default '',
      page_from integer,
      page_to integer,
      minute text not null default '',
      ${exemptColumns},
      search tsvector generated always as (to_tsvector('english', title || ' ' || purpose || ' ' || minute)) stored,
      unique (meeting_id, number)
    )`,
    `create index agenda_items_search_idx on agenda_items using gin (search)`,
    `create table documents (
      id uuid primary key default gen_random_uuid(),
      filename text not null,
      media_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      content bytea not null,
      uploaded_by uuid references users(id),
      uploaded_at timestamptz not null default now()
    )`,
    `create table reports (
      id uuid primary key default gen_random_uuid(),
      agenda_item_id uuid not null unique references agenda_items(id) on delete cascade,
      title text not null,
      report_to text not null default '',
      relevant_officer text not null default '',
      meeting_date date,
      purpose text not null default '',
      recommendations jsonb not null default '[]'::jsonb,
      reasons text not null default '',
      contrary_to_plan boolean,
      within_budget text check (within_budget in ('yes', 'no', 'not applicable')),
      alternative_options text not null default '',
      council_priorities text not null default '',
      background text not null default '',
      financial text not null default '',
      legal text not null default '',
      human_resources text not null default '',
      risk text not null default '',
      equalities text not null default '',
      sustainability text not null default '',
      consultation text not null default '',
      background_papers text not null default '',
      ${exemptColumns},
      search tsvector generated always as (to_tsvector('english',
        title || ' ' || purpose || ' ' || reasons || ' ' || background || ' ' || alternative_options)) stored,
      updated_at timestamptz not null default now()
    )`,
    `create index reports_search_idx on reports using gin (search)`,
    `create table appendices (
      id uuid primary key default gen_random_uuid(),
      report_id uuid not null references reports(id) on delete cascade,
      position integer not null default 0,
      label text not null,
      title text not null,
      body text not null default '',
      document_id uuid references documents(id),
      ${exemptColumns}
    )`,
    `create index appendices_report_idx on appendices (report_id)`,
    `create table minutes (
      meeting_id uuid primary key references meetings(id) on delete cascade,
      status text not null default 'draft' check (status in ('draft', 'published', 'approved')),
      no_declarations boolean not null default false,
      ended_at_time text,
      published_at timestamptz,
      approved_at_meeting_id uuid references meetings(id),
      approved_at_item_id uuid references agenda_items(id),
      approved_on date,
      approval_amendment text not null default ''
    )`,
    `create table attendance (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      person_id uuid references people(id),
      raw_name text not null default '',
      capacity text not null check (capacity in ('member', 'co-opted member', 'substitute', 'cabinet member', 'officer', 'other')),
      status text not null check (status in ('present', 'apologies', 'absent', 'in attendance')),
      role_at_meeting text not null default '',
      chaired boolean not null default false,
      position integer not null default 0
    )`,
    `create index attendance_meeting_idx on attendance (meeting_id)`,
    `create table declarations (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references meetings(id) on delete cascade,
      agenda_item_id uuid references agenda_items(id) on delete set null,
      person_id uuid not null references people(id),
      type text not null check (type in ('personal', 'prejudicial', 'disclosable pecuniary')),
      nature text not null
    )`,
    `create index declarations_meeting_idx on declarations (meeting_id)`,
    `create table resolutions (
      id uuid primary key default gen_random_uuid(),
      agenda_item_id uuid not null references agenda_items(id) on delete cascade,
      number integer not null,
      text text not null,
      unique (agenda_item_id, number)
    )`,
    `create index resolutions_search_idx on resolutions using gin (to_tsvector('english', text))`,
  ])
}
