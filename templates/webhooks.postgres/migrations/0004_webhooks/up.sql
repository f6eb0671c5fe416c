-- Outgoing webhooks: who wants which domain events (subscriptions), and what happened to every attempt to
-- deliver one (the deliveries log).
CREATE TABLE webhook_subscriptions (
  -- Chosen by the application, not the database: the encrypted secret is bound to this id (AES-GCM
  -- additional data), so a ciphertext copied onto another row does not decrypt.
  id                uuid           PRIMARY KEY,
  url               varchar(2048)  NOT NULL,
  -- Domain event types (user.created, …); the API validates the names, the database their count.
  events            text[]         NOT NULL,
  -- The signing secret, encrypted with WEBHOOK_SECRET_KEY (AES-256-GCM). It cannot be hashed like a
  -- password: every delivery needs it in clear to compute the HMAC signature.
  secret_ciphertext text           NOT NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT webhook_subscriptions_url_http       CHECK (url ~ '^https?://'),
  CONSTRAINT webhook_subscriptions_events_count   CHECK (cardinality(events) BETWEEN 1 AND 32),
  CONSTRAINT webhook_subscriptions_secret_format  CHECK (secret_ciphertext ~ '^v1\.')
);

-- Listing pages through (created_at, id); an event looks up its subscribers through the GIN index
-- (events @> ARRAY['user.created']).
CREATE INDEX webhook_subscriptions_created_at_id_idx ON webhook_subscriptions (created_at, id);
CREATE INDEX webhook_subscriptions_events_idx        ON webhook_subscriptions USING gin (events);

-- One row per delivery attempt. A deleted subscription takes its log with it.
CREATE TABLE webhook_deliveries (
  id            uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid         NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  -- The event's id: also the x-webhook-id header and the body's "id", the same on every attempt.
  event_id      uuid           NOT NULL,
  event_type    varchar(64)    NOT NULL,
  attempt       smallint       NOT NULL,
  -- delivered: a 2xx answer; failed: will be retried at next_retry_at; dead-lettered: the last attempt failed.
  status        varchar(16)    NOT NULL,
  -- The receiver's HTTP status; null when no answer came (refused, unreachable, timed out).
  status_code   smallint,
  error         varchar(500),
  duration_ms   integer        NOT NULL,
  next_retry_at timestamptz(3),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  -- A job may run an attempt again after a crash: the attempt's row is then overwritten, not duplicated.
  CONSTRAINT webhook_deliveries_attempt_unique    UNIQUE (subscription_id, event_id, attempt),
  CONSTRAINT webhook_deliveries_attempt_positive  CHECK (attempt >= 1),
  CONSTRAINT webhook_deliveries_status_check      CHECK (status IN ('delivered', 'failed', 'dead-lettered')),
  CONSTRAINT webhook_deliveries_status_code_range CHECK (status_code BETWEEN 100 AND 599),
  CONSTRAINT webhook_deliveries_duration_positive CHECK (duration_ms >= 0),
  CONSTRAINT webhook_deliveries_retry_when_failed CHECK ((status = 'failed') = (next_retry_at IS NOT NULL)),
  CONSTRAINT webhook_deliveries_delivered_is_2xx  CHECK (status <> 'delivered' OR (status_code BETWEEN 200 AND 299 AND error IS NULL))
);

-- The log of one subscription, newest first; the unique index above serves the foreign key.
CREATE INDEX webhook_deliveries_subscription_created_at_id_idx ON webhook_deliveries (subscription_id, created_at, id);
