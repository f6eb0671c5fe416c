-- Scheduled runs of in-process jobs, one row per job and run time. Every API instance has the same
-- timers; the one whose INSERT wins runs the tick, the others find the row and skip it. Rows older than
-- a day are deleted as new ones are claimed. (BullMQ workers dedupe in Redis on their own.)
CREATE TABLE job_schedule_runs (
  name        varchar(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  run_at      datetime(3)  NOT NULL,
  claimed_at  datetime(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (name, run_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
