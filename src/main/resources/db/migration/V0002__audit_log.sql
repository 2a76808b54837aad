-- The login and operation log. Append-only (a trigger refuses UPDATE and DELETE) and
-- tamper-evident: each row carries the SHA-256 of its content chained to the previous row's
-- hash, so an edit made behind the database's back breaks the chain where it was made.

create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text,
    actor_unit  text,
    action      text not null,
    target_type text,
    target_id   text,
    detail      text,
    ip          text,
    prev_hash   text not null,
    hash        text not null
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_actor_idx on audit_log (actor, at desc);

create function audit_log_is_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
