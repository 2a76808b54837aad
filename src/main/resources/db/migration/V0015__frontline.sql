-- Frontline work (一线工作法): leaders' reception days with bookings and visits, down-visits,
-- package cases (包案), on-site office sessions and research visits with their tasks, and
-- surveys. Cases created here are ordinary cases whose origin points at these rows.

-- Reception days (接访日). booked counts the live bookings and never exceeds slots: a booking
-- raises it with one conditional update, so concurrent bookings cannot overfill a day.
create table receptions (
    id          bigint generated always as identity primary key,
    leader_id   bigint not null references users (id),
    unit_id     bigint not null references units (id),
    leader_post text check (length(leader_post) <= 100),
    place       text not null check (length(place) between 1 and 200),
    topic       text check (length(topic) <= 200),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    slots       int not null check (slots between 1 and 500),
    booked      int not null default 0,
    created_by  text not null,
    created_at  timestamptz not null,
    check (ends_at > starts_at),
    check (booked between 0 and slots)
);
create index receptions_starts_idx on receptions (starts_at);
create index receptions_leader_idx on receptions (leader_id, starts_at);

-- A citizen's booking; the confirmation code is kept only as its SHA-256.
create table reception_bookings (
    id           bigint generated always as identity primary key,
    reception_id bigint not null references receptions (id),
    name         text not null check (length(name) between 1 and 50),
    phone        text not null,
    matter       text not null check (length(matter) between 1 and 2000),
    code_hash    text not null unique,
    status       text not null check (status in ('BOOKED', 'CANCELLED', 'VISITED')),
    booked_at    timestamptz not null,
    cancelled_at timestamptz
);
create index reception_bookings_reception_idx on reception_bookings (reception_id);
create unique index reception_bookings_phone_idx on reception_bookings (reception_id, phone) where status = 'BOOKED';

-- Who came on the day (booked or walk-in), what was said, and what became of it.
create table reception_visits (
    id                bigint generated always as identity primary key,
    reception_id      bigint not null references receptions (id),
    booking_id        bigint unique references reception_bookings (id),
    complainant_name  text not null check (length(complainant_name) between 1 and 50),
    complainant_phone text,
    matter            text not null check (length(matter) between 1 and 4000),
    outcome           text not null check (outcome in ('ANSWERED', 'CASE')),
    answer            text,
    case_id           bigint references cases (id),
    case_number       text,
    recorded_by       text not null,
    recorded_at       timestamptz not null,
    check ((outcome = 'CASE') = (case_id is not null))
);
create index reception_visits_reception_idx on reception_visits (reception_id);

-- Down-visits (下访): the plan, then the record of what was found and done.
create table down_visits (
    id           bigint generated always as identity primary key,
    leader_id    bigint not null references users (id),
    area_unit_id bigint not null references units (id),
    visit_date   date not null,
    purpose      text not null check (length(purpose) between 1 and 2000),
    findings     text,
    recorded_by  text,
    recorded_at  timestamptz,
    created_by   text not null,
    created_at   timestamptz not null
);
create index down_visits_leader_idx on down_visits (leader_id, visit_date);

create table down_visit_cases (
    down_visit_id bigint not null references down_visits (id),
    case_id       bigint not null references cases (id),
    role          text not null check (role in ('FOLLOW_UP', 'CREATED')),
    case_number   text not null,
    primary key (down_visit_id, case_id)
);

-- Package cases (包案): a leader takes personal charge of a case. One live package per case.
create table package_cases (
    id              bigint generated always as identity primary key,
    case_id         bigint not null references cases (id),
    leader_id       bigint not null references users (id),
    assigned_by     text not null,
    plan            text not null check (length(plan) between 1 and 4000),
    target_date     date not null,
    packaged_at     timestamptz not null,
    report_count    int not null default 0,
    last_report_at  timestamptz,
    outcome_at      timestamptz,
    resolved        boolean,
    outcome_text    text,
    check ((outcome_at is null) = (resolved is null))
);
create unique index package_cases_live_idx on package_cases (case_id) where outcome_at is null;
create index package_cases_leader_idx on package_cases (leader_id);

-- On-site office sessions (现场办公会) and research visits (调研).
create table site_sessions (
    id          bigint generated always as identity primary key,
    title       text not null check (length(title) between 1 and 200),
    place       text not null check (length(place) between 1 and 200),
    session_date date not null,
    leader_id   bigint not null references users (id),
    unit_id     bigint not null references units (id),
    status      text not null check (status in ('OPEN', 'CLOSED')),
    version     int not null default 0,
    created_by  text not null,
    created_at  timestamptz not null,
    closed_at   timestamptz
);
create index site_sessions_leader_idx on site_sessions (leader_id, session_date);

create table site_session_units (
    session_id bigint not null references site_sessions (id),
    unit_id    bigint not null references units (id),
    primary key (session_id, unit_id)
);

create table research_visits (
    id          bigint generated always as identity primary key,
    topic       text not null check (length(topic) between 1 and 200),
    places      text not null check (length(places) between 1 and 500),
    visit_date  date not null,
    leader_id   bigint not null references users (id),
    unit_id     bigint not null references units (id),
    created_by  text not null,
    created_at  timestamptz not null
);
create index research_visits_leader_idx on research_visits (leader_id, visit_date);

-- 问题清单 → 任务清单 → 责任清单: a problem raised at a session (or found on a research visit)
-- becomes a task with an owner unit and a due date, done with evidence.
create table frontline_tasks (
    id             bigint generated always as identity primary key,
    session_id     bigint references site_sessions (id),
    research_id    bigint references research_visits (id),
    problem        text not null check (length(problem) between 1 and 2000),
    owner_unit_id  bigint not null references units (id),
    due_date       date not null,
    case_id        bigint references cases (id),
    case_number    text,
    status         text not null check (status in ('OPEN', 'DONE')),
    version        int not null default 0,
    evidence       text,
    completed_by   text,
    completed_at   timestamptz,
    created_by     text not null,
    created_at     timestamptz not null,
    check ((session_id is null) <> (research_id is null)),
    check ((status = 'DONE') = (completed_at is not null))
);
create index frontline_tasks_session_idx on frontline_tasks (session_id);
create index frontline_tasks_research_idx on frontline_tasks (research_id);
create index frontline_tasks_open_idx on frontline_tasks (owner_unit_id, due_date) where status = 'OPEN';

-- Photos of a task's evidence, small and few, kept in the database (type sniffed from content).
create table frontline_task_photos (
    id           bigint generated always as identity primary key,
    task_id      bigint not null references frontline_tasks (id),
    file_name    text not null check (length(file_name) between 1 and 200),
    content_type text not null,
    size_bytes   int not null check (size_bytes > 0),
    sha256       text not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null
);
create index frontline_task_photos_task_idx on frontline_task_photos (task_id);

create table research_findings (
    id          bigint generated always as identity primary key,
    research_id bigint not null references research_visits (id),
    text        text not null check (length(text) between 1 and 4000),
    task_id     bigint references frontline_tasks (id),
    case_id     bigint references cases (id),
    case_number text,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index research_findings_research_idx on research_findings (research_id);

-- Surveys (问需于民、问计于民). One answer per person per survey: the respondent's phone kept only
-- as an HMAC keyed with the survey's own random salt, unique per survey.
create table surveys (
    id           bigint generated always as identity primary key,
    title        text not null check (length(title) between 1 and 200),
    intro        text check (length(intro) <= 2000),
    unit_id      bigint not null references units (id),
    status       text not null check (status in ('DRAFT', 'PUBLISHED', 'CLOSED')),
    salt         bytea not null,
    created_by   text not null,
    created_at   timestamptz not null,
    published_at timestamptz,
    closed_at    timestamptz
);
create index surveys_unit_idx on surveys (unit_id, created_at);

create table survey_questions (
    id        bigint generated always as identity primary key,
    survey_id bigint not null references surveys (id),
    position  int not null,
    text      text not null check (length(text) between 1 and 500),
    kind      text not null check (kind in ('SINGLE', 'MULTIPLE', 'TEXT')),
    unique (survey_id, position)
);

create table survey_options (
    id          bigint generated always as identity primary key,
    question_id bigint not null references survey_questions (id),
    position    int not null,
    text        text not null check (length(text) between 1 and 200),
    unique (question_id, position)
);

create table survey_responses (
    id              bigint generated always as identity primary key,
    survey_id       bigint not null references surveys (id),
    respondent_hash text not null,
    submitted_at    timestamptz not null,
    unique (survey_id, respondent_hash)
);

create table survey_answers (
    response_id bigint not null references survey_responses (id),
    question_id bigint not null references survey_questions (id),
    option_id   bigint references survey_options (id),
    text        text check (length(text) <= 2000),
    check ((option_id is null) <> (text is null))
);
create index survey_answers_question_idx on survey_answers (question_id);
