-- Cadences (issue 6): recurring processes, their prep checklists, holidays and the reminder ledger.

CREATE TABLE cadence (
  id             BIGSERIAL PRIMARY KEY,
  name           VARCHAR(80)   NOT NULL,
  owner_id       VARCHAR(32)   NOT NULL,
  rrule          VARCHAR(500)  NOT NULL,
  -- the first occurrence as a local date-time in time_zone (the RRULE's DTSTART)
  starts_local   TIMESTAMP     NOT NULL,
  time_zone      VARCHAR(64)   NOT NULL,
  channel_id     VARCHAR(32),
  people         VARCHAR(1000),
  message        VARCHAR(3000),
  -- lead-time reminders in minutes before the occurrence, comma separated (e.g. 20160,4320,1440,60)
  lead_minutes   VARCHAR(200)  NOT NULL DEFAULT '',
  paused         BOOLEAN       NOT NULL DEFAULT FALSE,
  -- reminders due before this moment are never posted (creation or last resume)
  active_since   TIMESTAMPTZ   NOT NULL,
  created_by     VARCHAR(32)   NOT NULL,
  created_at     TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX cadence_name ON cadence (lower(name));

CREATE TABLE cadence_task (
  id          BIGSERIAL PRIMARY KEY,
  cadence_id  BIGINT       NOT NULL REFERENCES cadence (id) ON DELETE CASCADE,
  position    INT          NOT NULL,
  title       VARCHAR(200) NOT NULL,
  dri_id      VARCHAR(32)  NOT NULL,
  -- due this many minutes before the occurrence
  due_minutes INT          NOT NULL
);
CREATE INDEX cadence_task_cadence ON cadence_task (cadence_id, position);

-- Occurrences cancelled for a holiday (local date in the cadence's zone).
CREATE TABLE cadence_skip (
  cadence_id BIGINT      NOT NULL REFERENCES cadence (id) ON DELETE CASCADE,
  on_date    DATE        NOT NULL,
  created_by VARCHAR(32) NOT NULL,
  PRIMARY KEY (cadence_id, on_date)
);

-- One row per (cadence, occurrence, kind) ever handled: a reminder (R<minutes>), the occurrence
-- itself (OCC) or a late-task warning (LATE<task id>). The unique key makes every post happen once
-- across replicas and restarts.
CREATE TABLE cadence_ledger (
  id            BIGSERIAL PRIMARY KEY,
  cadence_id    BIGINT       NOT NULL REFERENCES cadence (id) ON DELETE CASCADE,
  occurrence_at TIMESTAMPTZ  NOT NULL,
  kind          VARCHAR(40)  NOT NULL,
  due_at        TIMESTAMPTZ  NOT NULL,
  status        VARCHAR(16)  NOT NULL CHECK (status IN ('POSTED', 'LATE', 'SKIPPED', 'SUPERSEDED')),
  destinations  VARCHAR(1000),
  version       INT          NOT NULL DEFAULT 0,
  recorded_at   TIMESTAMPTZ  NOT NULL,
  UNIQUE (cadence_id, occurrence_at, kind)
);

CREATE TABLE cadence_task_done (
  task_id       BIGINT      NOT NULL REFERENCES cadence_task (id) ON DELETE CASCADE,
  occurrence_at TIMESTAMPTZ NOT NULL,
  done_by       VARCHAR(32) NOT NULL,
  done_at       TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (task_id, occurrence_at)
);
