-- Status updates (issue 3): the digest asks for periods marked missing since its last run.
CREATE INDEX status_period_missing_closed ON status_period (closed_at) WHERE state = 'MISSING';
