-- Problem classes: groups of cases about the same problem, proposed by clustering and confirmed,
-- renamed, merged or split by analysts; each member case with the facts analyses need (time,
-- area and street, category, caller hash, satisfaction), kept current from case events.
-- Typical-case dossiers (典型案例) on a class: root cause, rectification measures as tasks with an
-- owner unit and a due date, lessons, and the date from which the measures took effect.

create table insight_classes (
    id              bigint generated always as identity primary key,
    title           text not null check (length(title) between 1 and 100),
    generated_title text not null,
    description     text,
    terms           text[] not null default '{}',
    status          text not null default 'PROPOSED' check (status in ('PROPOSED', 'CONFIRMED', 'MERGED')),
    merged_into     bigint references insight_classes (id),
    category_code   text,
    area_unit_code  text,
    centroid        jsonb not null,
    members         int not null default 0,
    last_day        date,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         int not null default 0
);

create table insight_class_cases (
    case_id          bigint primary key,
    class_id         bigint not null references insight_classes (id),
    number           text not null,
    title            text not null,
    received_at      timestamptz not null,
    area_unit_code   text not null,
    area_path        text not null,
    street_unit_code text not null,
    category_code    text,
    caller_hash      text,
    assigned_unit_code text,
    satisfaction     text check (satisfaction in ('SATISFIED', 'BASICALLY', 'UNSATISFIED')),
    joined_at        timestamptz not null,
    joined_by        text not null check (joined_by in ('CLUSTERING', 'ONLINE', 'ANALYST'))
);
create index insight_class_cases_class_idx on insight_class_cases (class_id, received_at);
create index insight_class_cases_received_idx on insight_class_cases (received_at);

create table insight_dossiers (
    id             bigint generated always as identity primary key,
    class_id       bigint not null references insight_classes (id),
    title          text not null check (length(title) between 1 and 100),
    root_cause     text,
    lessons        text,
    measures_from  date,
    created_by     text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        int not null default 0
);
create index insight_dossiers_class_idx on insight_dossiers (class_id);

create table insight_measures (
    id              bigint generated always as identity primary key,
    dossier_id      bigint not null references insight_dossiers (id),
    text            text not null check (length(text) between 1 and 500),
    owner_unit_code text not null,
    due_date        date not null,
    status          text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_at         timestamptz,
    evidence        text,
    version         int not null default 0
);
create index insight_measures_dossier_idx on insight_measures (dossier_id, id);
