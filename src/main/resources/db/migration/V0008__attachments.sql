-- Attachments of cases (photos, documents) on local disk under the data directory; the table
-- keeps what is needed to serve them only to people who may see the case.

create table attachments (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references cases (id),
    file_name    text not null check (length(file_name) between 1 and 200),
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text not null,
    stored_path  text not null unique,
    uploaded_by  text,
    uploaded_at  timestamptz not null
);
create index attachments_case_idx on attachments (case_id);
