-- Every message that shows an escalation's card (the channel card, each DM), so that one action
-- updates every copy and no copy keeps a stale button.
CREATE TABLE escalation_card (
  escalation_id BIGINT       NOT NULL REFERENCES escalation (id) ON DELETE CASCADE,
  message_key   VARCHAR(200) NOT NULL,
  PRIMARY KEY (escalation_id, message_key)
);

-- Cards posted before this table existed: the channel card and the DMs, by their outbox keys.
INSERT INTO escalation_card (escalation_id, message_key)
SELECT id, 'esc:' || id || ':channel' FROM escalation WHERE channel_id IS NOT NULL AND NOT confidential
ON CONFLICT DO NOTHING;
