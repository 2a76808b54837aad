-- 常用语: reply phrases a unit keeps for its handlers and operators; a unit sees its own
-- and those of every unit above it (the city's phrases come from the root unit).
create table reply_phrases (
    id         bigint generated always as identity primary key,
    unit_id    bigint not null references units (id),
    title      text not null check (length(title) between 1 and 60),
    text       text not null check (length(text) between 1 and 2000),
    created_by text not null,
    created_at timestamptz not null
);
create index reply_phrases_unit_idx on reply_phrases (unit_id);
