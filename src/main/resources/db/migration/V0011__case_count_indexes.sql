-- Narrow indexes that let the work lists count their cases from the index alone.

create index cases_status_area_idx on cases (status, area_unit_id);
create index cases_status_assigned_idx on cases (status, assigned_unit_id);
