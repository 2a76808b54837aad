-- Insight: the user dictionary of Chinese text analysis (unit, place and category names of this
-- installation and terms that administrators add), and the identity of the case index on disk
-- (the index is derived data: when its generation differs from this row, it is rebuilt).

create table insight_terms (
    term     text primary key check (length(term) between 2 and 24),
    kind     text not null check (kind in ('UNIT', 'CATEGORY', 'CUSTOM')),
    added_by text,
    added_at timestamptz not null
);

create table insight_index_state (
    id          int primary key check (id = 1),
    generation  text not null,
    rebuilt_at  timestamptz,
    cases       bigint not null default 0
);
