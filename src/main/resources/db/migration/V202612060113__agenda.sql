-- Agendas of recurring meetings (cadences). An item added for one occurrence stays on the agenda of
-- the next ones until it is marked covered: leftovers roll over. agenda_meeting: the meetings that
-- collect an agenda, with their length.

CREATE TABLE agenda_meeting (
  cadence_id BIGINT      PRIMARY KEY,
  minutes    INT         NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
  set_by     VARCHAR(32) NOT NULL,
  set_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE agenda_item (
  id         BIGSERIAL PRIMARY KEY,
  cadence_id BIGINT       NOT NULL,
  added_for  TIMESTAMPTZ  NOT NULL,
  title      VARCHAR(300) NOT NULL,
  owner_id   VARCHAR(32)  NOT NULL,
  minutes    INT          NOT NULL CHECK (minutes BETWEEN 1 AND 480),
  covered_at TIMESTAMPTZ,
  created_by VARCHAR(32)  NOT NULL,
  created_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX agenda_item_open ON agenda_item (cadence_id, added_for, id) WHERE covered_at IS NULL;
