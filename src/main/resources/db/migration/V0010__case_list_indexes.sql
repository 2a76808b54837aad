-- Indexes for the work lists at city scale: status lists by time of receipt, open cases by their
-- current deadline, and open assisting tasks by unit.

create index cases_status_received_idx on cases (status, received_at desc);
create index cases_open_due_idx on cases (current_due_at) where current_due_at is not null;
create index case_units_open_assist_idx on case_units (unit_id, case_id) where role = 'ASSIST' and state = 'OPEN';
