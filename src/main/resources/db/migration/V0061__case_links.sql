-- 关联: two cases about the same matter kept apart but linked (instead of merged); one row
-- per direction, so that each case lists its links with one indexed read.
create table case_links (
    case_id        bigint not null references cases (id),
    linked_case_id bigint not null references cases (id),
    created_by     text not null,
    created_at     timestamptz not null,
    primary key (case_id, linked_case_id),
    check (case_id <> linked_case_id)
);
