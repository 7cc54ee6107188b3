-- Escalations (issue 5): routing rules, escalations, their climb ledger and audit trail.

CREATE TABLE escalation_route (
  id           BIGSERIAL PRIMARY KEY,
  priority     INT          NOT NULL,
  area         VARCHAR(80),
  keywords     VARCHAR(500),
  owner_user   VARCHAR(32),
  owner_group  VARCHAR(32),
  channel_id   VARCHAR(32),
  backup_user  VARCHAR(32),
  created_by   VARCHAR(32)  NOT NULL,
  created_at   TIMESTAMPTZ  NOT NULL,
  CHECK (owner_user IS NOT NULL OR owner_group IS NOT NULL),
  CHECK (area IS NOT NULL OR keywords IS NOT NULL)
);

CREATE TABLE escalation (
  id               BIGSERIAL PRIMARY KEY,
  title            VARCHAR(150)  NOT NULL,
  details          VARCHAR(3000),
  severity         VARCHAR(2)    NOT NULL CHECK (severity IN ('S1', 'S2', 'S3')),
  area             VARCHAR(80)   NOT NULL,
  link             VARCHAR(1000),
  confidential     BOOLEAN       NOT NULL DEFAULT FALSE,
  reporter         VARCHAR(32)   NOT NULL,
  route_id         BIGINT,
  route_label      VARCHAR(200)  NOT NULL,
  owner_user       VARCHAR(32),
  owner_group      VARCHAR(32),
  channel_id       VARCHAR(32),
  backup_user      VARCHAR(32),
  status           VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
  chain_step       INT           NOT NULL DEFAULT 0,
  next_climb_at    TIMESTAMPTZ,
  notified         VARCHAR(2000) NOT NULL DEFAULT '',
  thread_key       VARCHAR(200)  NOT NULL,
  reporter_version INT           NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ   NOT NULL,
  ack_due_at       TIMESTAMPTZ   NOT NULL,
  resolve_due_at   TIMESTAMPTZ   NOT NULL,
  acknowledged_at  TIMESTAMPTZ,
  acknowledged_by  VARCHAR(32),
  resolved_at      TIMESTAMPTZ,
  resolved_by      VARCHAR(32),
  resolution       VARCHAR(3000),
  ack_breached_at  TIMESTAMPTZ,
  resolve_breached_at TIMESTAMPTZ
);
CREATE INDEX escalation_open ON escalation (status, severity, created_at) WHERE status <> 'RESOLVED';
CREATE INDEX escalation_resolved_at ON escalation (resolved_at) WHERE status = 'RESOLVED';
CREATE INDEX escalation_reporter ON escalation (reporter);

-- One row per climb step: the unique key makes each step happen once, whatever restarts or replicas do.
CREATE TABLE escalation_step (
  escalation_id BIGINT       NOT NULL REFERENCES escalation (id),
  step          INT          NOT NULL,
  target        VARCHAR(200) NOT NULL,
  taken_at      TIMESTAMPTZ  NOT NULL,
  PRIMARY KEY (escalation_id, step)
);

CREATE TABLE escalation_audit (
  id            BIGSERIAL PRIMARY KEY,
  escalation_id BIGINT       NOT NULL REFERENCES escalation (id),
  at            TIMESTAMPTZ  NOT NULL,
  actor         VARCHAR(32)  NOT NULL,
  action        VARCHAR(32)  NOT NULL,
  detail        VARCHAR(2000)
);
CREATE INDEX escalation_audit_by_escalation ON escalation_audit (escalation_id, at);
