-- Keys this installation makes for itself on first use (random, never shown): e.g. the
-- key of the fingerprint that tells online ratings from the same browser apart without
-- keeping its address. One per name, shared by every node.

create table installation_keys (
    name        text primary key check (name ~ '^[a-z0-9-]{1,40}$'),
    key         bytea not null check (length(key) >= 16),
    created_at  timestamptz not null default now()
);
