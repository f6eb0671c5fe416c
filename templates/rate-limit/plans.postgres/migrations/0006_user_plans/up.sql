-- Rate-limit plans: each account is on one plan, whose budget (RATE_LIMIT_PLANS) limits its requests per
-- RATE_LIMIT_WINDOW. Every account starts on free; an operator moves it (docs/rate-limits.md).
ALTER TABLE users ADD COLUMN plan varchar(16) NOT NULL DEFAULT 'free';
ALTER TABLE users ADD CONSTRAINT users_plan_check CHECK (plan IN ('free', 'pro', 'enterprise'));
