-- The business calendar: days off (法定节假日) and make-up working days (调休) per year, as the
-- State Council announces them. A year without rows counts weekends only. 2025 and 2026 ship here
-- (国办发明电〔2024〕12号; 国务院办公厅 2025-11-04); administrators maintain later years.

create table calendar_years (
    year       int primary key check (year between 2000 and 2100),
    updated_at timestamptz not null default now(),
    updated_by text
);

create table calendar_days (
    day  date primary key,
    kind text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name text
);

insert into calendar_years (year, updated_by) values (2025, 'migration');
insert into calendar_days (day, kind, name) values
    ('2025-01-01', 'HOLIDAY', '元旦'),
    ('2025-01-28', 'HOLIDAY', '春节'),
    ('2025-01-29', 'HOLIDAY', '春节'),
    ('2025-01-30', 'HOLIDAY', '春节'),
    ('2025-01-31', 'HOLIDAY', '春节'),
    ('2025-02-01', 'HOLIDAY', '春节'),
    ('2025-02-02', 'HOLIDAY', '春节'),
    ('2025-02-03', 'HOLIDAY', '春节'),
    ('2025-02-04', 'HOLIDAY', '春节'),
    ('2025-04-04', 'HOLIDAY', '清明节'),
    ('2025-04-05', 'HOLIDAY', '清明节'),
    ('2025-04-06', 'HOLIDAY', '清明节'),
    ('2025-05-01', 'HOLIDAY', '劳动节'),
    ('2025-05-02', 'HOLIDAY', '劳动节'),
    ('2025-05-03', 'HOLIDAY', '劳动节'),
    ('2025-05-04', 'HOLIDAY', '劳动节'),
    ('2025-05-05', 'HOLIDAY', '劳动节'),
    ('2025-05-31', 'HOLIDAY', '端午节'),
    ('2025-06-01', 'HOLIDAY', '端午节'),
    ('2025-06-02', 'HOLIDAY', '端午节'),
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-01-26', 'WORKDAY', '春节调休'),
    ('2025-02-08', 'WORKDAY', '春节调休'),
    ('2025-04-27', 'WORKDAY', '劳动节调休'),
    ('2025-09-28', 'WORKDAY', '国庆节调休'),
    ('2025-10-11', 'WORKDAY', '国庆节调休');

insert into calendar_years (year, updated_by) values (2026, 'migration');
insert into calendar_days (day, kind, name) values
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-01-04', 'WORKDAY', '元旦调休'),
    ('2026-02-14', 'WORKDAY', '春节调休'),
    ('2026-02-28', 'WORKDAY', '春节调休'),
    ('2026-05-09', 'WORKDAY', '劳动节调休'),
    ('2026-09-20', 'WORKDAY', '国庆节调休'),
    ('2026-10-10', 'WORKDAY', '国庆节调休');
