-- A citizen rates a case online at most once (their return visit, recorded with the
-- actor '@citizen'): the application refuses a second rating, and the database too.
create unique index case_visits_online_once on case_visits (case_id) where actor = '@citizen';
