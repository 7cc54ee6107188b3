-- People, roles, workspace settings, Slack event de-duplication and the outbox.

CREATE TABLE person (
  slack_user_id     VARCHAR(32) PRIMARY KEY,
  display_name      VARCHAR(200),
  real_name         VARCHAR(200),
  time_zone         VARCHAR(64),
  is_bot            BOOLEAN NOT NULL DEFAULT FALSE,
  deleted           BOOLEAN NOT NULL DEFAULT FALSE,
  is_admin          BOOLEAN NOT NULL DEFAULT FALSE,
  status_text       VARCHAR(200),
  status_emoji      VARCHAR(100),
  status_expires_at TIMESTAMPTZ,
  synced_at         TIMESTAMPTZ
);
CREATE INDEX person_admin ON person (slack_user_id) WHERE is_admin;

CREATE TABLE workspace_setting (
  setting_key   VARCHAR(100) PRIMARY KEY,
  setting_value VARCHAR(2000),
  updated_by    VARCHAR(100),
  updated_at    TIMESTAMPTZ
);

CREATE TABLE slack_event_receipt (
  event_id    VARCHAR(100) PRIMARY KEY,
  received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX slack_event_receipt_age ON slack_event_receipt (received_at);

CREATE TABLE outbox_message (
  id              BIGSERIAL PRIMARY KEY,
  idempotency_key VARCHAR(200) NOT NULL UNIQUE,
  method          VARCHAR(64)  NOT NULL,
  channel         VARCHAR(64),
  payload         TEXT         NOT NULL,
  refers_to       VARCHAR(200),
  status          VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD')),
  attempts        INT          NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ  NOT NULL,
  claimed_by      VARCHAR(200),
  claimed_until   TIMESTAMPTZ,
  last_error      VARCHAR(500),
  result_channel  VARCHAR(64),
  result_ts       VARCHAR(64),
  created_at      TIMESTAMPTZ  NOT NULL,
  sent_at         TIMESTAMPTZ
);
-- The dispatcher's claim query reads only unfinished rows in due order.
CREATE INDEX outbox_due ON outbox_message (next_attempt_at, id) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX outbox_status ON outbox_message (status);
CREATE INDEX outbox_sent_at ON outbox_message (sent_at) WHERE status = 'SENT';
