-- A message that stops being useful (a reminder after its event, a digest after its day) expires
-- instead of being sent late.
ALTER TABLE outbox_message ADD COLUMN expires_at TIMESTAMPTZ;
ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_status_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_status_check
  CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD', 'EXPIRED'));
CREATE INDEX outbox_dead ON outbox_message (id) WHERE status = 'DEAD';

-- Channel and ts of every delivered message, by idempotency key: later updates and thread replies
-- find their message here after the delivered outbox row was purged.
CREATE TABLE slack_message_ref (
  idempotency_key VARCHAR(200) PRIMARY KEY,
  channel         VARCHAR(64)  NOT NULL,
  ts              VARCHAR(64)  NOT NULL,
  created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX slack_message_ref_age ON slack_message_ref (created_at);
