-- The dispatch catalogue (派单目录: category × area → unit, with copy units) and the time-limit
-- policies (per case kind, type and category). In both, the most specific row wins.

create table dispatch_rules (
    id             bigint generated always as identity primary key,
    category_id    bigint references categories (id),
    area_unit_id   bigint not null references units (id),
    target_unit_id bigint not null references units (id),
    created_at     timestamptz not null default now(),
    created_by     text,
    unique nulls not distinct (category_id, area_unit_id)
);

create table dispatch_rule_copies (
    rule_id bigint not null references dispatch_rules (id) on delete cascade,
    unit_id bigint not null references units (id),
    primary key (rule_id, unit_id)
);

create table time_limit_policies (
    id           bigint generated always as identity primary key,
    case_kind    text not null check (case_kind in ('DEMAND', 'PETITION')),
    type         text,
    category_id  bigint references categories (id),
    sign_amount  int check (sign_amount > 0),
    sign_unit    text check (sign_unit in ('HOURS', 'CALENDAR_DAYS', 'WORKING_DAYS')),
    reply_amount int check (reply_amount > 0),
    reply_unit   text check (reply_unit in ('HOURS', 'CALENDAR_DAYS', 'WORKING_DAYS')),
    created_at   timestamptz not null default now(),
    created_by   text,
    unique nulls not distinct (case_kind, type, category_id)
);
