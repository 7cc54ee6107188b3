-- Results only in safe releases: the aggregates of an open round as released at a fixed time after
-- at least k new answers (never free text). Requests read the latest release; nothing about an
-- open round is computed per request. Deleted when the round closes (the final results replace it).
CREATE TABLE pulse_release (
  round_id        BIGINT       NOT NULL REFERENCES pulse_round (id),
  released_at     TIMESTAMPTZ  NOT NULL,
  responses       INT          NOT NULL,
  content         TEXT         NOT NULL,
  PRIMARY KEY (round_id, released_at)
);
