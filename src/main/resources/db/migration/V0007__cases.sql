-- The case core shared by both tracks (12345 demands now, petitions next): one row per case,
-- its deadlines, the units working on it (lead, assisting, copied), and an append-only,
-- per-case hash-chained timeline. Status values are the contract's core states; what varies
-- by track is the state machine in code, not the tables.

create table case_number_counters (
    prefix text not null,
    day    date not null,
    last   int  not null,
    primary key (prefix, day)
);

create table cases (
    id                    bigint generated always as identity primary key,
    number                text not null unique,
    query_code_hash       text not null,
    kind                  text not null check (kind in ('DEMAND', 'PETITION')),
    type                  text,
    petition_class        text check (petition_class in ('SUGGESTION', 'ACCUSATION', 'APPEAL')),
    channel               text not null check (channel in ('PHONE', 'WEB', 'WALK_IN', 'LETTER', 'API', 'IMPORT', 'FIELD')),
    status                text not null check (status in ('REGISTERED', 'DISPATCHED', 'HANDLING', 'REPLIED', 'VISITING',
                                                          'CLOSED', 'RETURNED', 'MERGED', 'ARCHIVED')),
    title                 text not null check (length(title) between 1 and 200),
    content               text not null check (length(content) between 1 and 4000),
    category_id           bigint references categories (id),
    area_unit_id          bigint not null references units (id),
    address               text,
    lat                   double precision check (lat between -90 and 90),
    lng                   double precision check (lng between -180 and 180),
    received_at           timestamptz not null,
    created_at            timestamptz not null,
    created_by            text,
    complainant_name      text,
    complainant_phone     text,
    complainant_id_number text,
    confidential          boolean not null default false,
    accused_unit_id       bigint references units (id),
    assigned_unit_id      bigint references units (id),
    dispatched_by_unit_id bigint references units (id),
    dispatched_at         timestamptz,
    signed_at             timestamptz,
    contacted_at          timestamptz,
    replied_at            timestamptz,
    closed_at             timestamptz,
    current_due_at        timestamptz,
    return_count          int not null default 0,
    reopen_count          int not null default 0,
    reply_result          text,
    reply_text            text,
    reply_approved        boolean not null default false,
    visit_resolved        text check (visit_resolved in ('RESOLVED', 'PARTLY', 'UNRESOLVED')),
    visit_satisfaction    text check (visit_satisfaction in ('SATISFIED', 'BASICALLY', 'UNSATISFIED')),
    visit_note            text,
    visited_at            timestamptz,
    extension_amount      int,
    extension_unit        text,
    extension_reason      text,
    parent_case_id        bigint references cases (id),
    split_from_case_id    bigint references cases (id),
    version               int not null default 0
);
create index cases_assigned_status_due_idx on cases (assigned_unit_id, status, current_due_at);
create index cases_status_due_idx on cases (status, current_due_at);
create index cases_area_idx on cases (area_unit_id);
create index cases_received_idx on cases (received_at);
create index cases_phone_idx on cases (complainant_phone) where complainant_phone is not null;
create index cases_parent_idx on cases (parent_case_id) where parent_case_id is not null;

create table case_deadlines (
    case_id bigint not null references cases (id),
    kind    text not null check (kind in ('SIGN', 'REPLY', 'REGISTER', 'NOTIFY', 'DECIDE', 'REVIEW_REQUEST',
                                          'REVIEW_DECIDE', 'RECHECK_REQUEST', 'RECHECK_DECIDE', 'OBJECT')),
    due_at  timestamptz not null,
    met_at  timestamptz,
    primary key (case_id, kind)
);

create table case_units (
    case_id     bigint not null references cases (id),
    unit_id     bigint not null references units (id),
    role        text not null check (role in ('LEAD', 'ASSIST', 'COPY')),
    state       text not null check (state in ('OPEN', 'DONE', 'WITHDRAWN')),
    may_return  boolean not null default true,
    returns     int not null default 0,
    assigned_at timestamptz not null,
    done_at     timestamptz,
    note        text,
    primary key (case_id, unit_id, role)
);
create index case_units_unit_idx on case_units (unit_id, role, state);

create table case_events (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references cases (id),
    at          timestamptz not null,
    actor       text,
    actor_unit  text,
    action      text not null,
    from_status text,
    to_status   text,
    comment     text,
    public      boolean not null default false,
    prev_hash   text not null,
    hash        text not null
);
create index case_events_case_idx on case_events (case_id, id);

create function case_events_are_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'case_events is append-only';
end;
$$;

create trigger case_events_append_only
    before update or delete on case_events
    for each row execute function case_events_are_append_only();

create table idempotency_keys (
    user_name    text not null,
    key          text not null,
    request_hash text not null,
    case_id      bigint not null references cases (id),
    created_at   timestamptz not null,
    primary key (user_name, key)
);

-- In-app notifications to units (and optionally one user), and messages to citizens that a
-- sender delivers (transactional outbox).
create table notifications (
    id         bigint generated always as identity primary key,
    unit_id    bigint not null references units (id),
    case_id    bigint references cases (id),
    kind       text not null,
    text       text not null,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notifications_unit_idx on notifications (unit_id, read_at, id desc);

create table outbound_messages (
    id           bigint generated always as identity primary key,
    case_id      bigint references cases (id),
    channel      text not null check (channel in ('SMS', 'EMAIL')),
    recipient    text not null,
    text         text not null,
    created_at   timestamptz not null,
    attempts     int not null default 0,
    next_try_at  timestamptz not null,
    sent_at      timestamptz,
    last_error   text
);
create index outbound_messages_pending_idx on outbound_messages (next_try_at) where sent_at is null;
