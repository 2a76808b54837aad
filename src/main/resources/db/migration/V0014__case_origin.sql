-- Where a case came from when frontline work created it: a reception day, a down-visit, an
-- on-site office session or a research visit (kind and id in the module that owns them).
alter table cases add column origin_kind text check (origin_kind in ('RECEPTION', 'DOWN_VISIT', 'SITE_SESSION', 'RESEARCH'));
alter table cases add column origin_id bigint;
alter table cases add constraint cases_origin_check check ((origin_kind is null) = (origin_id is null));
create index cases_origin_idx on cases (origin_kind, origin_id) where origin_kind is not null;

-- The unit whose staff registered the case: a unit that registered a petition about its
-- own duties may accept it directly.
alter table cases add column registered_unit_id bigint references units (id);
