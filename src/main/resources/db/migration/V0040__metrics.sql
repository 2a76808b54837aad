-- Metrics: roll-ups maintained from casework's domain events (never scans of the cases).
-- metric_steps is metrics' own copy of each case's timeline as the events carried it;
-- metric_facts are the figures one case contributes now (recomputed from its steps, so a
-- back-dated action or a later return visit replaces what it counted before);
-- metric_counts sums the facts per (measure, day, unit, unit complained about, category);
-- metric_open holds the live clocks of open cases (overdue now, 积案, signatures pending).

create table metric_cases (
    case_id          bigint primary key,
    kind             text,
    area_unit_id     bigint,
    category_code    text,
    accused_unit_id  bigint not null default 0,
    received_at      timestamptz,
    registered       boolean not null default false
);

create table metric_steps (
    id        bigint generated always as identity primary key,
    case_id   bigint not null,
    seq       bigint not null,
    at        timestamptz not null,
    action    text not null,
    from_status text,
    to_status text,
    lead_unit text,
    payload   jsonb
);
create index metric_steps_case_idx on metric_steps (case_id, seq);

create table metric_facts (
    case_id         bigint not null,
    measure         text not null,
    unit_id         bigint not null,
    day             date not null,
    category_code   text not null default '',
    n               bigint not null,
    value           bigint not null default 0,
    primary key (case_id, measure, unit_id, day, category_code)
);
create index metric_facts_drill_idx on metric_facts (measure, unit_id, day);

create table metric_counts (
    measure          text not null,
    day              date not null,
    unit_id          bigint not null,
    accused_unit_id  bigint not null default 0,
    category_code    text not null default '',
    n                bigint not null,
    value            bigint not null default 0,
    primary key (measure, day, unit_id, accused_unit_id, category_code)
);

create table metric_open (
    case_id          bigint primary key,
    kind             text not null,
    unit_id          bigint not null,
    accused_unit_id  bigint not null default 0,
    due_at           timestamptz,
    dispatched_at    timestamptz,
    sign_due_at      timestamptz
);
create index metric_open_unit_idx on metric_open (unit_id, due_at);

-- The weights of the scorecard and of the partial answers, set by the city's administrators.
create table metric_weights (
    name        text primary key,
    weight      numeric(6, 3) not null check (weight between 0 and 100),
    changed_by  text,
    changed_at  timestamptz
);
insert into metric_weights (name, weight) values
    ('PARTLY', 0.5), ('BASICALLY', 0.8), ('RESPONSE', 0.2), ('RESOLUTION', 0.4), ('SATISFACTION', 0.4);

-- Unit outlines for the map (GeoJSON geometry, WGS84), edited by administrators in their subtree.
create table metric_unit_outlines (
    unit_id     bigint primary key references units (id),
    geojson     text not null check (length(geojson) <= 200000),
    changed_by  text,
    changed_at  timestamptz
);
