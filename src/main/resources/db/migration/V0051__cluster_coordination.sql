-- What several nodes on one database must agree on.

-- Acts counted per client address and window (minute, day), shared by every node: an
-- upsert that only increments below the limit is the whole check.
create table rate_counters (
	scope varchar(40) not null,
	client varchar(100) not null,
	span char(1) not null check (span in ('m', 'd')),
	window_start timestamptz not null,
	hits int not null,
	primary key (scope, client, span, window_start)
);

create index rate_counters_window on rate_counters (window_start);

-- A scheduled job runs on the node that takes its lease; the others skip that run.
create table job_leases (
	name varchar(80) primary key,
	locked_until timestamptz not null,
	locked_at timestamptz not null,
	locked_by varchar(120) not null,
	runs bigint not null default 0
);
