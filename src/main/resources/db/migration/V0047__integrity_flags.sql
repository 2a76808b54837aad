-- Integrity (让滥用可见): flags of possible abuse with their evidence, reviewed by
-- supervisors, and the facts the integrity module keeps from the case core's events.

create table integrity_flags (
    id               bigserial primary key,
    kind             text not null check (kind in ('RECODED', 'BOUNCED', 'WEAK_REPLY', 'VISIT_ONE_PHONE',
                                                   'VISIT_ALL_SATISFIED', 'VISIT_BURST', 'BACKDATED')),
    status           text not null default 'OPEN' check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    -- one open flag per case and kind, or per unit, kind, pattern and period
    dedup_key        text not null,
    -- a hash of the evidence: a reviewed flag is raised again only on new evidence
    fingerprint      text not null,
    case_id          bigint,
    case_number      text,
    unit_code        text not null,
    -- the unit concerned, as its materialised path: who may see the flag (its subtree's supervisors)
    unit_path        text not null,
    -- every unit complained about in the cases the evidence names: they never see the flag
    accused_unit_ids bigint[] not null default '{}',
    period           text,
    summary          text not null,
    evidence         jsonb not null,
    detected_at      timestamptz not null,
    updated_at       timestamptz not null,
    reviewed_by      text,
    reviewed_at      timestamptz,
    review_note      text
);

create unique index integrity_flags_one_open on integrity_flags (dedup_key) where status = 'OPEN';
create index integrity_flags_listing on integrity_flags (status, kind, detected_at desc);
create index integrity_flags_key on integrity_flags (dedup_key);

-- What a case was registered as and when it was first dispatched (from Registered and Assigned
-- events, which may arrive in either order).
create table integrity_case_facts (
    case_id          bigint primary key,
    number           text not null,
    registered_type  text,
    category_code    text,
    area_unit_code   text,
    accused_unit_code text,
    caller_hash      text,
    registered_at    timestamptz,
    dispatched_at    timestamptz,
    dispatched_unit_code text
);

create index integrity_case_facts_recode on integrity_case_facts (registered_type) where dispatched_at is not null;

-- Every return visit recorded, with who recorded it and when (from Transitioned events and the timeline).
create table integrity_visits (
    id               bigserial primary key,
    case_id          bigint not null,
    case_number      text not null,
    at               timestamptz not null,
    recorded_at      timestamptz not null,
    actor            text,
    actor_unit_code  text,
    unit_code        text,
    satisfaction     text,
    caller_hash      text,
    unique (case_id, recorded_at, actor)
);

create index integrity_visits_recorded on integrity_visits (recorded_at);

create index integrity_case_facts_caller on integrity_case_facts (caller_hash);
