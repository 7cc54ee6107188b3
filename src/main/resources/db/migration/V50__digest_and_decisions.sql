-- Issue 7: decisions asked of the CXO, and the daily digest's delivery ledger, subscribers and overrides.

CREATE TABLE digest_decision (
  id                 BIGSERIAL PRIMARY KEY,
  asker_id           VARCHAR(32)   NOT NULL,
  question           VARCHAR(300)  NOT NULL,
  context            VARCHAR(3000),
  options            VARCHAR(2000),
  needed_by          DATE          NOT NULL,
  about_user_id      VARCHAR(32),
  link               VARCHAR(1000),
  status             VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'DECLINED', 'DELEGATED', 'MORE_INFO')),
  decided_by         VARCHAR(32),
  decided_at         TIMESTAMPTZ,
  delegated_to       VARCHAR(32),
  note               VARCHAR(2000),
  overdue_flagged_at TIMESTAMPTZ,
  created_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX digest_decision_open ON digest_decision (needed_by, id) WHERE status = 'OPEN';
CREATE INDEX digest_decision_created ON digest_decision (created_at DESC);

-- One row per reader and local date: the digest is sent at most once a day, across replicas and restarts.
CREATE TABLE digest_delivery (
  reader_id  VARCHAR(32) NOT NULL,
  local_date DATE        NOT NULL,
  sent_at    TIMESTAMPTZ NOT NULL,
  item_count INT         NOT NULL,
  PRIMARY KEY (reader_id, local_date)
);

-- Chiefs of Staff who receive their own, fuller digest.
CREATE TABLE digest_subscriber (
  user_id       VARCHAR(32) PRIMARY KEY,
  subscribed_at TIMESTAMPTZ NOT NULL
);

-- Pins and mutes a Chief of Staff sets for the next CXO digest; consumed when it is sent.
CREATE TABLE digest_override (
  id          BIGSERIAL PRIMARY KEY,
  kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('PIN', 'MUTE')),
  target      VARCHAR(300) NOT NULL,
  created_by  VARCHAR(32)  NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL,
  consumed_at TIMESTAMPTZ
);
CREATE INDEX digest_override_pending ON digest_override (id) WHERE consumed_at IS NULL;
