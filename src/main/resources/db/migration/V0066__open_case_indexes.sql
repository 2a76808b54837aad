-- Work lists read the open cases only. These partial indexes follow the open cases (a few per
-- cent of the history), in each list's order, with what the confidentiality predicate and the
-- dispatch list's kind filter need, so that a list page and its capped count are index scans
-- whose cost does not grow with the closed history (docs/performance.md, "10 million cases").
create index cases_open_assigned_idx on cases (assigned_unit_id, status, current_due_at, id)
    include (accused_unit_id)
    where status in ('DISPATCHED', 'HANDLING', 'TRANSFERRED', 'ACCEPTED', 'REVIEWING', 'RECHECKING');

create index cases_open_area_idx on cases (area_unit_id, status, received_at, id)
    include (accused_unit_id, kind)
    where status in ('REGISTERED', 'RETURNED', 'REPLIED', 'VISITING', 'OBJECTED', 'DECIDED', 'REVIEWED');
