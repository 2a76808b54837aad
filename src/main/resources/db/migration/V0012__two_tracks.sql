-- The case core serves two tracks: 12345 demands and petitions under 《信访工作条例》.
-- Core statuses gain the petition track's; timeline entries carry when they were recorded,
-- whether they were back-dated, and the action's values as structured data; return visits
-- are kept one record each; official documents are stored with their case.

alter table cases drop constraint cases_status_check;
alter table cases add constraint cases_status_check check (status in (
    'REGISTERED', 'DISPATCHED', 'HANDLING', 'REPLIED', 'VISITING', 'CLOSED', 'RETURNED', 'MERGED', 'ARCHIVED',
    'TRANSFERRED', 'ACCEPTED', 'DECIDED', 'REVIEWING', 'REVIEWED', 'RECHECKING', 'FINAL', 'NOT_ACCEPTED', 'OBJECTED'));
alter table cases add column published boolean not null default false;
create index cases_accused_idx on cases (accused_unit_id) where accused_unit_id is not null;
create index cases_id_number_idx on cases (complainant_id_number) where complainant_id_number is not null;

-- Entries written before this migration keep format 1 (their hash covers the fields of
-- that time); new entries use format 2, whose hash also covers recorded_at and payload.
alter table case_events add column recorded_at timestamptz;
alter table case_events add column backdated boolean not null default false;
alter table case_events add column payload jsonb;
alter table case_events add column hash_format smallint not null default 1;

create table case_visits (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references cases (id),
    at           timestamptz not null,
    actor        text,
    unit_id      bigint references units (id),
    resolved     text not null check (resolved in ('RESOLVED', 'PARTLY', 'UNRESOLVED')),
    satisfaction text not null check (satisfaction in ('SATISFIED', 'BASICALLY', 'UNSATISFIED')),
    note         text
);
create index case_visits_case_idx on case_visits (case_id, id);
create index case_visits_unit_idx on case_visits (unit_id, at);
insert into case_visits (case_id, at, unit_id, resolved, satisfaction, note)
select c.id, c.visited_at, c.assigned_unit_id, c.visit_resolved, c.visit_satisfaction, c.visit_note
from cases c where c.visited_at is not null and c.visit_resolved is not null;

create table case_documents (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references cases (id),
    kind        text not null check (kind in ('DECISION', 'REVIEW_DECISION', 'RECHECK_DECISION', 'NOTICE')),
    outcome     text,
    unit_id     bigint references units (id),
    created_at  timestamptz not null,
    created_by  text,
    sha256      text not null,
    content     bytea not null
);
create index case_documents_case_idx on case_documents (case_id, id);

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc).
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
