-- Scheduled runs of in-process jobs, one row per job and run time. Every API instance has the same
-- timers; the one whose INSERT wins runs the tick, the others find the row and skip it. Rows older than
-- a day are deleted as new ones are claimed. (BullMQ and pg-boss workers dedupe on their own server.)
CREATE TABLE job_schedule_runs (
  name        varchar(200)   NOT NULL,
  run_at      timestamptz(3) NOT NULL,
  claimed_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (name, run_at)
);
