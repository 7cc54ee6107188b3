-- A decision is made by choosing one of its options; every message that shows it is updated.

ALTER TABLE digest_decision DROP CONSTRAINT IF EXISTS digest_decision_status_check;
ALTER TABLE digest_decision ADD CONSTRAINT digest_decision_status_check
  CHECK (status IN ('OPEN', 'APPROVED', 'DECLINED', 'DELEGATED', 'MORE_INFO', 'DECIDED'));

-- The option the decider chose, as it was worded when chosen.
ALTER TABLE digest_decision ADD COLUMN chosen_option VARCHAR(300);

-- Every message that shows a decision with its buttons: a copy the bot posted (by its outbox key)
-- or a message it found the decision in when someone clicked (the digest: channel, ts and blocks).
CREATE TABLE decision_copy (
  id          BIGSERIAL PRIMARY KEY,
  decision_id BIGINT       NOT NULL REFERENCES digest_decision (id) ON DELETE CASCADE,
  message_key VARCHAR(200),
  channel     VARCHAR(32),
  ts          VARCHAR(32),
  blocks      TEXT,
  CHECK (message_key IS NOT NULL OR (channel IS NOT NULL AND ts IS NOT NULL))
);
CREATE UNIQUE INDEX decision_copy_key ON decision_copy (decision_id, message_key) WHERE message_key IS NOT NULL;
CREATE UNIQUE INDEX decision_copy_message ON decision_copy (decision_id, channel, ts) WHERE message_key IS NULL;
