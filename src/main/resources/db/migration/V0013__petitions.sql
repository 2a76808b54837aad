-- The petition track's own facts (owned by the petition module): what the registration
-- said beyond the case core, the clocks' side facts (extension used, hearing), the
-- decision's outcome, repeats, and the group visit's representatives.

create table petitions (
    case_id            bigint primary key references cases (id),
    visitor_count      int not null default 1 check (visitor_count between 1 and 10000),
    urgent             boolean not null default false,
    result_required    boolean not null default false,
    extension_used     boolean not null default false,
    hearing_started_at timestamptz,
    not_accept_ground  text check (not_accept_ground in ('OTHER_CHANNEL', 'BEING_HANDLED', 'FINAL', 'NOT_PETITION')),
    outcome            text check (outcome in ('SUPPORT', 'EXPLAIN', 'NOT_SUPPORT')),
    review_unit_id     bigint references units (id),
    recheck_unit_id    bigint references units (id),
    repeat_of_case_id  bigint references cases (id),
    repeat_of_number   text,
    repeat_count       int not null default 0,
    follow_up_owed     boolean not null default false,
    person_key         text
);
create index petitions_repeat_idx on petitions (repeat_of_case_id) where repeat_of_case_id is not null;
create index petitions_person_idx on petitions (person_key) where person_key is not null;

create table petition_representatives (
    case_id   bigint not null references cases (id),
    seq       int not null,
    name      text not null,
    phone     text,
    id_number text,
    primary key (case_id, seq)
);

-- A person who petitions: by ID number, else phone (hashed, never shown); 老访户 after
-- three petitions.
create table petitioners (
    person_key   text primary key,
    petitions    int not null default 0,
    first_at     timestamptz not null,
    last_at      timestamptz not null
);
