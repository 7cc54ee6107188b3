-- The reply to an update's ask, from the person it was addressed to: an answered ask leaves the
-- report's open asks and the digest. A new ask on the same update starts unanswered again.
ALTER TABLE status_update
  ADD COLUMN ask_replied_at TIMESTAMPTZ,
  ADD COLUMN ask_reply      TEXT;
