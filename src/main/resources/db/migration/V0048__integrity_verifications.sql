-- Runs of verify-audit: every case timeline's hash chain and the operation log's chain,
-- with the first broken link of each broken chain.

create table integrity_verifications (
    id               bigserial primary key,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    started_by       text not null,
    status           text not null check (status in ('RUNNING', 'INTACT', 'BROKEN', 'FAILED')),
    cases_total      bigint not null default 0,
    cases_checked    bigint not null default 0,
    entries_checked  bigint not null default 0,
    audit_rows       bigint not null default 0,
    broken_cases     bigint not null default 0,
    -- the first broken links (at most 100 cases) and the operation log's first break
    breaks           jsonb not null default '[]',
    audit_break      jsonb,
    error            text
);
