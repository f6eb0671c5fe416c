DROP TABLE IF EXISTS job_schedule_runs;
