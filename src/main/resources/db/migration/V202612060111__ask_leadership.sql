-- Questions to leadership and their up-votes. Nothing here names an anonymous asker or a voter:
-- ask_vote.ballot and ask_quota.ballot are keyed hashes under cos-bot's own secret, reply_handle is
-- the asker's id sealed (AES-GCM, random nonce) under it. Named questions keep asker_id in clear, as
-- the asker chose.

CREATE TABLE ask_question (
  id             BIGSERIAL PRIMARY KEY,
  text           VARCHAR(1000) NOT NULL,
  proposed_text  VARCHAR(1000),
  status         VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'OPEN', 'MERGED', 'DECLINED', 'ANSWERED')),
  asker_id       VARCHAR(32),
  reply_handle   BYTEA,
  merged_into    BIGINT REFERENCES ask_question (id),
  decline_reason VARCHAR(1000),
  answer         VARCHAR(3000),
  answer_link    VARCHAR(1000),
  answered_by    VARCHAR(32),
  version        INT           NOT NULL DEFAULT 0,
  created_at     TIMESTAMPTZ   NOT NULL,
  CHECK (asker_id IS NOT NULL OR reply_handle IS NOT NULL)
);
CREATE INDEX ask_question_status ON ask_question (status, id);
CREATE INDEX ask_question_merged ON ask_question (merged_into);

-- One up-vote per person and question: the ballot is a keyed hash of (question, person); no time.
CREATE TABLE ask_vote (
  question_id BIGINT      NOT NULL REFERENCES ask_question (id) ON DELETE CASCADE,
  ballot      VARCHAR(64) NOT NULL,
  PRIMARY KEY (question_id, ballot)
);

-- Which Chief of Staff got a moderation card for which question, so later changes update exactly those.
CREATE TABLE ask_card (
  question_id BIGINT      NOT NULL REFERENCES ask_question (id) ON DELETE CASCADE,
  admin_id    VARCHAR(32) NOT NULL,
  PRIMARY KEY (question_id, admin_id)
);

-- The hourly limit on asking, kept apart from the questions: one row per (keyed hash of person and
-- hour); the hash changes every hour, so rows of different hours cannot be told to be one person's.
CREATE TABLE ask_quota (
  ballot     VARCHAR(64) PRIMARY KEY,
  hour_start TIMESTAMPTZ NOT NULL,
  asked      INT         NOT NULL
);
CREATE INDEX ask_quota_hour ON ask_quota (hour_start);

-- The meetings (cadences) that take questions: their reminders list the top questions by up-votes.
CREATE TABLE ask_meeting (
  cadence_id BIGINT      PRIMARY KEY,
  marked_by  VARCHAR(32) NOT NULL,
  marked_at  TIMESTAMPTZ NOT NULL
);
