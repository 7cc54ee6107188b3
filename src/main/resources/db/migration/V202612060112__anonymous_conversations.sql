-- Anonymous two-way conversations between a Chief of Staff and the anonymous writer of a question or
-- a pulse comment. The writer is reachable only through reply_handle (their id sealed with AES-GCM
-- under cos-bot's own secret, a fresh nonce); no row names them. Messages of the writer have no
-- author.

-- A pulse comment's writer, sealed, so a Chief of Staff can reply (dropped 30 days after close).
ALTER TABLE pulse_answer ADD COLUMN reply_handle VARCHAR(200);

CREATE TABLE ask_conversation (
  id           BIGSERIAL PRIMARY KEY,
  source       VARCHAR(200)  NOT NULL,
  subject      VARCHAR(1000) NOT NULL,
  reply_handle BYTEA         NOT NULL,
  started_by   VARCHAR(32)   NOT NULL,
  status       VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  waiting_for  VARCHAR(16)   NOT NULL CHECK (waiting_for IN ('WRITER', 'COS')),
  created_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX ask_conversation_waiting ON ask_conversation (status, waiting_for);

CREATE TABLE ask_conversation_message (
  id              BIGSERIAL PRIMARY KEY,
  conversation_id BIGINT        NOT NULL REFERENCES ask_conversation (id) ON DELETE CASCADE,
  from_cos        BOOLEAN       NOT NULL,
  author_id       VARCHAR(32),
  text            VARCHAR(3000) NOT NULL,
  created_at      TIMESTAMPTZ   NOT NULL,
  CHECK (from_cos = (author_id IS NOT NULL))
);
CREATE INDEX ask_conversation_message_of ON ask_conversation_message (conversation_id, id);
