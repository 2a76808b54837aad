-- 知识库: answers to common consultations. An article belongs to a unit (the city's root
-- unit for city-wide articles), whose administrators and those above edit it; operators
-- see published articles within their validity. "search" holds the smartcn words of the
-- title (weight A), keywords (B) and answer (C), segmented by the application.
create table knowledge_articles (
    id                    bigint generated always as identity primary key,
    owner_unit_id         bigint not null references units (id),
    title                 text not null check (length(title) between 1 and 100),
    keywords              text not null check (length(keywords) <= 200),
    answer                text not null check (length(answer) between 1 and 8000),
    category_code         text,
    responsible_unit_code text,
    valid_from            date,
    valid_until           date,
    status                text not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    version               integer not null,
    search                tsvector not null,
    created_by            text not null,
    created_at            timestamptz not null,
    updated_by            text not null,
    updated_at            timestamptz not null,
    check (valid_from is null or valid_until is null or valid_until >= valid_from)
);
create index knowledge_articles_search_idx on knowledge_articles using gin (search);
create index knowledge_articles_owner_idx on knowledge_articles (owner_unit_id);

-- Every saved version as it was, for the history and for telling a stale editor what changed.
create table knowledge_revisions (
    article_id            bigint not null references knowledge_articles (id),
    version               integer not null,
    title                 text not null,
    keywords              text not null,
    answer                text not null,
    category_code         text,
    responsible_unit_code text,
    owner_unit_id         bigint not null,
    valid_from            date,
    valid_until           date,
    status                text not null,
    edited_by             text not null,
    edited_at             timestamptz not null,
    primary key (article_id, version)
);

-- One row per case answered with an article (用此答复), from the case core's events; a
-- redelivered event counts once.
create table knowledge_usages (
    case_id          bigint primary key,
    article_id       bigint not null references knowledge_articles (id),
    article_version  integer not null,
    used_at          timestamptz not null
);
create index knowledge_usages_article_idx on knowledge_usages (article_id);
