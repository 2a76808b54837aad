-- The category tree of demands and petitions (一级/二级/三级分类), edited by administrators.

create table categories (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    name        text not null check (length(name) between 1 and 100),
    parent_id   bigint references categories (id),
    path        text not null unique,
    depth       int not null,
    public      boolean not null default true,
    active      boolean not null default true,
    sort_order  int not null default 0,
    created_at  timestamptz not null default now(),
    version     int not null default 0
);
create index categories_path_idx on categories (path text_pattern_ops);
create index categories_parent_idx on categories (parent_id);
