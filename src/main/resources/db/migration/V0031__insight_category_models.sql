-- Category models: each trained model with its evaluation (cross-validated on the examples it was
-- trained from), the training runs with their progress, and what was suggested at intake so that
-- the operator's acceptance or correction is known when the case registers.

create table insight_models (
    id          bigint generated always as identity primary key,
    created_at  timestamptz not null,
    run_id      bigint,
    examples    int not null,
    labels      int not null,
    features    int not null,
    settings    text not null,
    evaluation  jsonb not null,
    model       bytea not null,
    active      boolean not null default false
);
create unique index insight_models_one_active on insight_models (active) where active;

create table insight_training_runs (
    id           bigint generated always as identity primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    requested_by text,
    status       text not null check (status in ('RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    phase        text,
    progress     int not null default 0 check (progress between 0 and 100),
    message      text,
    model_id     bigint references insight_models (id)
);
create index insight_training_runs_started_idx on insight_training_runs (started_at desc);

create table insight_suggestions (
    text_hash   text primary key,
    model_id    bigint references insight_models (id),
    suggested   text not null,
    confidence  double precision not null,
    created_at  timestamptz not null,
    case_id     bigint,
    chosen      text,
    accepted    boolean
);
create index insight_suggestions_case_idx on insight_suggestions (case_id) where case_id is not null;
