-- Breakdowns by team. A survey may name Slack user groups as slices. When a round opens, each
-- recipient's slice (the first listed group they are in) is written next to them: group
-- membership is public in Slack and is stored before anyone answers. Recording an answer only
-- reads it and seals it inside the answer, so no write links a person to an answer. At close the
-- breakdown is computed in memory and only the slices that may be shown are stored, as aggregates;
-- the opened answers carry no slice.
ALTER TABLE pulse_survey ADD COLUMN slices TEXT;
ALTER TABLE pulse_recipient ADD COLUMN slice SMALLINT;

CREATE TABLE pulse_breakdown (
  round_id        BIGINT       PRIMARY KEY REFERENCES pulse_round (id),
  content         TEXT         NOT NULL
);
