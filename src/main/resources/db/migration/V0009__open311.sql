-- Open311 GeoReport v2: API keys for clients that create requests, the extra questions
-- (attributes) administrators define per category, and the answers given with a request.

create table open311_keys (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 100),
    key_hash   text not null unique,
    created_at timestamptz not null,
    created_by text,
    revoked_at timestamptz
);

create table service_attributes (
    id                   bigint generated always as identity primary key,
    category_id          bigint not null references categories (id),
    code                 text not null check (code ~ '^[A-Za-z0-9_]{1,40}$'),
    datatype             text not null check (datatype in ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist')),
    required             boolean not null default false,
    description          text not null,
    datatype_description text,
    ord                  int not null default 1,
    unique (category_id, code)
);

create table service_attribute_values (
    attribute_id bigint not null references service_attributes (id) on delete cascade,
    key          text not null,
    name         text not null,
    ord          int not null default 1,
    primary key (attribute_id, key)
);

create table case_attributes (
    case_id bigint not null references cases (id),
    code    text not null,
    value   text not null,
    primary key (case_id, code, value)
);

alter table cases add column complainant_email text;
alter table cases add column media_url text;
