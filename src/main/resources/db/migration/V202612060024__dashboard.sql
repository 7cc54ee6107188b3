-- The web dashboard: one-time sign-in links, browser sessions and the audit trail of settings
-- changed from the browser. Links and sessions are stored only as SHA-256 hashes: a copy of the
-- database lets nobody sign in.

CREATE TABLE dashboard_link (
  token_hash  VARCHAR(64) PRIMARY KEY,
  user_id     VARCHAR(32) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ
);
CREATE INDEX dashboard_link_expires ON dashboard_link (expires_at);

CREATE TABLE dashboard_session (
  id_hash     VARCHAR(64) PRIMARY KEY,
  user_id     VARCHAR(32) NOT NULL,
  csrf        VARCHAR(64) NOT NULL,
  via         VARCHAR(16) NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  expires_at  TIMESTAMPTZ NOT NULL,
  ended_at    TIMESTAMPTZ
);
CREATE INDEX dashboard_session_expires ON dashboard_session (expires_at);

CREATE TABLE dashboard_audit (
  id          BIGSERIAL PRIMARY KEY,
  at          TIMESTAMPTZ NOT NULL,
  user_id     VARCHAR(32) NOT NULL,
  change      VARCHAR(32) NOT NULL,
  description VARCHAR(500) NOT NULL
);
CREATE INDEX dashboard_audit_at ON dashboard_audit (at DESC);
