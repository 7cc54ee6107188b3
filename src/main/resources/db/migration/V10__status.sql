-- Status updates (issue 3): initiatives, their check-in periods, updates with versions, RAG events, reports.

CREATE TABLE status_initiative (
  id               BIGSERIAL PRIMARY KEY,
  name             VARCHAR(80)  NOT NULL,
  description      VARCHAR(1000),
  owner_id         VARCHAR(32)  NOT NULL,
  team             VARCHAR(80)  NOT NULL,
  dri_id           VARCHAR(32),
  sponsor_id       VARCHAR(32),
  target_date      DATE,
  tags             VARCHAR(200),
  state            VARCHAR(10)  NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'DONE')),
  every_weeks      INT          NOT NULL CHECK (every_weeks BETWEEN 1 AND 4),
  cadence_day      INT          NOT NULL CHECK (cadence_day BETWEEN 1 AND 7),
  cadence_time     VARCHAR(5)   NOT NULL,
  anchor_date      DATE         NOT NULL,
  report_channel   VARCHAR(64),
  -- denormalised for fast rollups: the latest update and the current RAG
  last_update_id   BIGINT,
  current_rag      VARCHAR(5) CHECK (current_rag IN ('GREEN', 'AMBER', 'RED')),
  missed_in_row    INT          NOT NULL DEFAULT 0,
  stale_since      TIMESTAMPTZ,
  created_by       VARCHAR(32)  NOT NULL,
  created_at       TIMESTAMPTZ  NOT NULL,
  updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX status_initiative_name ON status_initiative (lower(name));
CREATE INDEX status_initiative_owner ON status_initiative (owner_id) WHERE state <> 'DONE';
CREATE INDEX status_initiative_team ON status_initiative (team, state);

-- One row per initiative and cadence occurrence: makes prompting, nudging and "missing" happen once.
CREATE TABLE status_period (
  id             BIGSERIAL PRIMARY KEY,
  initiative_id  BIGINT      NOT NULL REFERENCES status_initiative (id) ON DELETE CASCADE,
  due_at         TIMESTAMPTZ NOT NULL,
  state          VARCHAR(10) NOT NULL CHECK (state IN ('OPEN', 'PROMPTED', 'NUDGED', 'MISSING', 'AWAY', 'UPDATED')),
  prompted_at    TIMESTAMPTZ,
  nudged_at      TIMESTAMPTZ,
  closed_at      TIMESTAMPTZ,
  UNIQUE (initiative_id, due_at)
);
CREATE INDEX status_period_due ON status_period (due_at, state);

CREATE TABLE status_update (
  id             BIGSERIAL PRIMARY KEY,
  initiative_id  BIGINT        NOT NULL REFERENCES status_initiative (id) ON DELETE CASCADE,
  period_due     TIMESTAMPTZ   NOT NULL,
  author_id      VARCHAR(32)   NOT NULL,
  rag            VARCHAR(5)    NOT NULL CHECK (rag IN ('GREEN', 'AMBER', 'RED')),
  summary        VARCHAR(500)  NOT NULL,
  progress       VARCHAR(2000),
  risks          VARCHAR(2000),
  asks           VARCHAR(1000),
  ask_to         VARCHAR(32),
  confidence     VARCHAR(6)    NOT NULL CHECK (confidence IN ('HIGH', 'MEDIUM', 'LOW')),
  percent        INT CHECK (percent BETWEEN 0 AND 100),
  version        INT           NOT NULL DEFAULT 1,
  posted_at      TIMESTAMPTZ   NOT NULL,
  edited_at      TIMESTAMPTZ,
  -- one update per initiative and period: a second submission becomes a new version
  UNIQUE (initiative_id, period_due)
);
CREATE INDEX status_update_posted ON status_update (posted_at);
CREATE INDEX status_update_ask_to ON status_update (ask_to, posted_at) WHERE ask_to IS NOT NULL;

-- Earlier versions of edited updates.
CREATE TABLE status_update_version (
  id             BIGSERIAL PRIMARY KEY,
  update_id      BIGINT        NOT NULL REFERENCES status_update (id) ON DELETE CASCADE,
  version        INT           NOT NULL,
  author_id      VARCHAR(32)   NOT NULL,
  rag            VARCHAR(5)    NOT NULL,
  summary        VARCHAR(500)  NOT NULL,
  progress       VARCHAR(2000),
  risks          VARCHAR(2000),
  asks           VARCHAR(1000),
  ask_to         VARCHAR(32),
  confidence     VARCHAR(6)    NOT NULL,
  percent        INT,
  saved_at       TIMESTAMPTZ   NOT NULL,
  UNIQUE (update_id, version)
);

-- RAG transitions (green→amber, amber→red…), with time.
CREATE TABLE status_rag_event (
  id             BIGSERIAL PRIMARY KEY,
  initiative_id  BIGINT      NOT NULL REFERENCES status_initiative (id) ON DELETE CASCADE,
  update_id      BIGINT      NOT NULL REFERENCES status_update (id) ON DELETE CASCADE,
  from_rag       VARCHAR(5),
  to_rag         VARCHAR(5)  NOT NULL,
  changed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_rag_event_time ON status_rag_event (changed_at);
CREATE INDEX status_rag_event_initiative ON status_rag_event (initiative_id, changed_at);

-- Weekly reports posted to each report channel: "changes since the last report" starts at posted_at.
CREATE TABLE status_report (
  id           BIGSERIAL PRIMARY KEY,
  channel      VARCHAR(64)  NOT NULL,
  week_key     VARCHAR(16)  NOT NULL,
  from_at      TIMESTAMPTZ  NOT NULL,
  posted_at    TIMESTAMPTZ  NOT NULL,
  UNIQUE (channel, week_key)
);
