-- Scheduled runs of in-process jobs, one row per job and run time (Unix milliseconds). Every process
-- has the same timers; the one whose INSERT wins runs the tick, the others find the row and skip it.
-- Rows older than a day are deleted as new ones are claimed.
CREATE TABLE job_schedule_runs (
  name        text    NOT NULL,
  run_at      integer NOT NULL,
  claimed_at  integer NOT NULL,
  PRIMARY KEY (name, run_at)
) STRICT;
