-- Sealed until close. While a round is open an answer exists only as pulse_sealed: AES-GCM with a
-- key derived from cos-bot's own pulse secret (never in the database), found again for "replace my
-- answer" by its ballot, a keyed hash of round and person. Recording an answer touches no other
-- table, so neither the WAL nor two snapshots compared link a person to it: who responded is not
-- stored at all (reminders compute the ballots of the recipients in memory). At close the answers
-- are opened, shuffled and written to pulse_answer in one batch, and the sealed rows deleted.
CREATE TABLE pulse_sealed (
  round_id        BIGINT       NOT NULL REFERENCES pulse_round (id),
  ballot          VARCHAR(64)  NOT NULL,
  sealed          BYTEA        NOT NULL,
  PRIMARY KEY (round_id, ballot)
);

-- Answers of rounds still open at this upgrade stay where they are and count at close.
ALTER TABLE pulse_answer DROP CONSTRAINT IF EXISTS pulse_answer_round_id_ballot_key;
ALTER TABLE pulse_answer DROP COLUMN ballot;
ALTER TABLE pulse_recipient DROP COLUMN responded;
