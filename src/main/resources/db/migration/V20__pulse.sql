-- Pulse surveys (issue 4). Anonymity by design:
--  * pulse_answer carries no person, no time, no serial id: a random UUID, the round, the answers,
--    and (only while the round is open) a keyed hash "ballot" used to replace a changed answer.
--    The ballot key lives outside the database; ballots are erased when the round closes.
--  * pulse_recipient (who was asked, who responded) has no time and nothing in common with
--    pulse_answer but the round. Every answer is re-written, in random order, in the transaction
--    that records a new one, so the physical order and the row versions (xmin) of answers say
--    nothing about who answered when.
CREATE TABLE pulse_survey (
  id              BIGSERIAL PRIMARY KEY,
  title           VARCHAR(150) NOT NULL,
  questions       TEXT         NOT NULL,
  audience_kind   VARCHAR(16)  NOT NULL CHECK (audience_kind IN ('CHANNEL', 'USERGROUP', 'PEOPLE')),
  audience        TEXT         NOT NULL,
  audience_label  VARCHAR(150),
  anonymous       BOOLEAN      NOT NULL,
  min_answers     INT          NOT NULL CHECK (min_answers >= 3),
  open_hours      INT          NOT NULL CHECK (open_hours > 0),
  repeat_weeks    INT          NOT NULL DEFAULT 0 CHECK (repeat_weeks >= 0),
  local_start     TIMESTAMP,
  created_by      VARCHAR(32)  NOT NULL,
  active          BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMPTZ  NOT NULL
);

CREATE TABLE pulse_round (
  id              BIGSERIAL PRIMARY KEY,
  survey_id       BIGINT       NOT NULL REFERENCES pulse_survey (id),
  seq             INT          NOT NULL,
  local_start     TIMESTAMP,
  opened_at       TIMESTAMPTZ  NOT NULL,
  closes_at       TIMESTAMPTZ  NOT NULL,
  closed          BOOLEAN      NOT NULL DEFAULT FALSE,
  recipients      INT          NOT NULL DEFAULT 0,
  UNIQUE (survey_id, seq)
);

-- Who was asked and whether they answered. No timestamps; one row per person per round.
CREATE TABLE pulse_recipient (
  round_id        BIGINT       NOT NULL REFERENCES pulse_round (id),
  user_id         VARCHAR(32)  NOT NULL,
  time_zone       VARCHAR(64),
  responded       BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (round_id, user_id)
);

-- One answer set per person per round: the unique ballot enforces it while the round is open.
CREATE TABLE pulse_answer (
  id              UUID         PRIMARY KEY,
  round_id        BIGINT       NOT NULL REFERENCES pulse_round (id),
  ballot          VARCHAR(64),
  respondent      VARCHAR(32),
  answers         TEXT         NOT NULL,
  UNIQUE (round_id, ballot)
);

-- One chart per round, uploaded once (a ledger row makes the job idempotent).
CREATE TABLE pulse_chart (
  round_id        BIGINT       PRIMARY KEY REFERENCES pulse_round (id),
  status          VARCHAR(16)  NOT NULL
);
