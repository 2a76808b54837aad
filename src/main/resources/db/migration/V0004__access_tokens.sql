-- Personal access tokens for the API. Only a SHA-256 of each token is kept.

create table access_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references users (id) on delete cascade,
    name         text not null check (length(name) between 1 and 60),
    token_hash   text not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index access_tokens_user_idx on access_tokens (user_id);
