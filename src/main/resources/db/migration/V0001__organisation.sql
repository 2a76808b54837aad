-- The unit tree (市 → 区/县 → 街道/乡镇 → 社区/村, departments, utilities, hotline and petition
-- offices) and the people who work in it. Data scope is a materialised path: a unit's path is
-- its ancestors' ids and its own, '/1/4/9/', so a subtree is "path LIKE '/1/4/%'".

create table units (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    name        text not null check (length(name) between 1 and 100),
    kind        text not null check (kind in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'DEPARTMENT',
                                              'UTILITY', 'HOTLINE', 'PETITION_OFFICE')),
    parent_id   bigint references units (id),
    path        text not null unique,
    depth       int not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    version     int not null default 0,
    check ((parent_id is null) = (depth = 0))
);
create index units_path_idx on units (path text_pattern_ops);
create index units_parent_idx on units (parent_id);

create table users (
    id                  bigint generated always as identity primary key,
    username            text not null unique check (username ~ '^[a-z0-9_.-]{3,32}$'),
    password_hash       text not null,
    display_name        text not null check (length(display_name) between 1 and 50),
    unit_id             bigint not null references units (id),
    phone               text,
    enabled             boolean not null default true,
    failed_attempts     int not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    version             int not null default 0
);
create index users_unit_idx on users (unit_id);

create table user_roles (
    user_id bigint not null references users (id) on delete cascade,
    role    text not null check (role in ('OPERATOR', 'DISPATCHER', 'HANDLER', 'SUPERVISOR', 'LEADER',
                                          'ANALYST', 'ADMIN')),
    primary key (user_id, role)
);
