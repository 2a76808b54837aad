-- verify-audit on several nodes: a run says which node runs it and when it last made
-- progress, so that another node can tell a live run from one whose process stopped;
-- and at most one run is RUNNING in the whole database.

alter table integrity_verifications add column node text;
alter table integrity_verifications add column heartbeat_at timestamptz;

update integrity_verifications set status = 'FAILED', finished_at = now(),
       error = 'interrupted: the process running it stopped'
 where status = 'RUNNING'
   and id <> (select max(id) from integrity_verifications where status = 'RUNNING');

create unique index integrity_verifications_one_running on integrity_verifications ((true))
 where status = 'RUNNING';
