-- A call whose outcome is unknown (timed out after sending, or its instance died while sending)
-- is checked against Slack before it is sent again.
ALTER TABLE outbox_message ADD COLUMN uncertain BOOLEAN NOT NULL DEFAULT FALSE;
