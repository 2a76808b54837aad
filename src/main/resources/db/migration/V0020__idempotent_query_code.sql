-- A retried intake (same Idempotency-Key, same body) answers the same case with the same
-- query code: the caller already holds it, and without it a citizen could never follow a
-- case whose first answer was lost on the way.
alter table idempotency_keys add column query_code text;
