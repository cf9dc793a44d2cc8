import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

/**
 * The documents a council links to an agenda item (a report, an appendix), as an import brings them:
 * title, publication date, the file when it could be had (null until then), the address it came from,
 * the Schedule 12A exemption columns every exempt record has, and its words for search. A document is
 * a new kind of imported record, so import_sources accepts it; its existing rows all stay valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table item_documents (
      id uuid primary key default gen_random_uuid(),
      agenda_item_id uuid not null references agenda_items(id) on delete cascade,
      position integer not null check (position >= 1),
      title text not null check (char_length(title) between 1 and 1000),
      published_on date,
      document_id uuid references documents(id) on delete set null,
      source_address text not null default '' check (char_length(source_address) <= 2000),
      exempt_paragraph smallint check (exempt_paragraph between 1 and 7),
      exempt_reason text,
      exempt_review_on date,
      text text not null default '' check (char_length(text) <= 1000000),
      search tsvector generated always as (to_tsvector('english', title || ' ' || text)) stored
    )`,
    `create index item_documents_item_idx on item_documents (agenda_item_id, position)`,
    `create index item_documents_search_idx on item_documents using gin (search)`,
    `alter table import_sources drop constraint import_sources_record_type_check`,
    `alter table import_sources add constraint import_sources_record_type_check
      check (record_type in ('body', 'person', 'membership', 'meeting', 'agenda item', 'attendance', 'document'))`,
  ])
}
