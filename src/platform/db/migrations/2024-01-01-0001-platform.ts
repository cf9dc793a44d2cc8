import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/** Accounts, sessions, sign-in throttling and the audit trail. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table people (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      honorific text,
      kind text not null check (kind in ('councillor', 'co-opted member', 'officer', 'partner')),
      organisation text,
      job_title text,
      email text,
      created_at timestamptz not null default now()
    )`,
    `create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      name text not null,
      role text not null check (role in ('member', 'officer', 'scrutiny_officer', 'analyst', 'admin')),
      person_id uuid references people(id) on delete set null,
      password_hash text not null,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    )`,
    `create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      ended_at timestamptz
    )`,
    `create index sessions_user_idx on sessions (user_id)`,
    `create table sign_in_failures (
      id bigint generated always as identity primary key,
      email text not null,
      at timestamptz not null default now()
    )`,
    `create index sign_in_failures_email_idx on sign_in_failures (email, at)`,
    `create table audit_events (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_label text not null,
      action text not null,
      subject_type text not null,
      subject_id text not null,
      before jsonb,
      after jsonb,
      correlation_id text
    )`,
    `create index audit_events_subject_idx on audit_events (subject_type, subject_id, at)`,
    `create index audit_events_at_idx on audit_events (at desc)`,
  ])
}
