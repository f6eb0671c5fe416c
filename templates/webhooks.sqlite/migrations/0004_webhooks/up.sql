-- Outgoing webhooks: who wants which domain events (subscriptions), and what happened to every attempt to
-- deliver one (the deliveries log).
--
-- STRICT refuses a value of the wrong type; the *_length and range CHECKs hold what PostgreSQL's varchar(n),
-- smallint and integer would. SQLite has no regular expressions: the format CHECKs use GLOB (case-sensitive,
-- like ~). Ids are lower-case UUIDs and instants Unix milliseconds, written by the application.
CREATE TABLE webhook_subscriptions (
  -- Chosen by the application: the encrypted secret is bound to this id (AES-GCM additional data), so a
  -- ciphertext copied onto another row does not decrypt.
  id                text    PRIMARY KEY NOT NULL,
  url               text    NOT NULL,
  -- Domain event types (user.created, …) as a JSON array of strings, in the order given. The API validates
  -- the names, the database the shape and count.
  events            text    NOT NULL,
  -- The signing secret, encrypted with WEBHOOK_SECRET_KEY (AES-256-GCM). It cannot be hashed like a
  -- password: every delivery needs it in clear to compute the HMAC signature.
  secret_ciphertext text    NOT NULL,
  created_at        integer NOT NULL,
  CONSTRAINT webhook_subscriptions_url_http       CHECK (url GLOB 'http://*' OR url GLOB 'https://*'),
  CONSTRAINT webhook_subscriptions_url_length     CHECK (length(url) <= 2048),
  -- CASE, not AND: json_array_length() raises an error on malformed JSON instead of returning false.
  CONSTRAINT webhook_subscriptions_events_count   CHECK (
    CASE WHEN json_valid(events) THEN json_type(events) = 'array' AND json_array_length(events) BETWEEN 1 AND 32 ELSE 0 END
  ),
  -- Every element a non-empty string. A CHECK may not query json_each(), so this reads the text as
  -- JSON.stringify writes it: ["…","…"], inside only letters, digits, . _ : - and the quotes and commas,
  -- no spaces, brackets or escapes. Then every quote opens or closes a string, and a number, true, false
  -- or null element would leave fewer than two quotes per element.
  CONSTRAINT webhook_subscriptions_events_strings CHECK (
    events GLOB '[[]"*"]'
    AND substr(events, 2, length(events) - 2) NOT GLOB '*[^A-Za-z0-9._:",-]*'
    AND events NOT GLOB '*""*'
    AND length(events) - length(replace(events, '"', '')) = 2 * json_array_length(events)
  ),
  CONSTRAINT webhook_subscriptions_secret_format  CHECK (secret_ciphertext GLOB 'v1.*')
) STRICT;

-- Listing pages through (created_at, id). PostgreSQL indexes the events array (GIN); no SQLite index serves
-- a lookup inside a JSON array, so the event fan-out (json_each) reads every subscription: a handful of
-- rows that admins made. A child table of (subscription, event) rows would be indexable, at the price of a
-- join or a second query on every read of a subscription.
CREATE INDEX webhook_subscriptions_created_at_id_idx ON webhook_subscriptions (created_at, id);

-- One row per delivery attempt. A deleted subscription takes its log with it.
CREATE TABLE webhook_deliveries (
  id              text    PRIMARY KEY NOT NULL,
  subscription_id text    NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  -- The event's id: also the x-webhook-id header and the body's "id", the same on every attempt.
  event_id        text    NOT NULL,
  event_type      text    NOT NULL,
  attempt         integer NOT NULL,
  -- delivered: a 2xx answer; failed: will be retried at next_retry_at; dead-lettered: the last attempt failed.
  status          text    NOT NULL,
  -- The receiver's HTTP status; null when no answer came (refused, unreachable, timed out).
  status_code     integer,
  error           text,
  duration_ms     integer NOT NULL,
  next_retry_at   integer,
  created_at      integer NOT NULL,
  -- A job may run an attempt again after a crash: the attempt's row is then overwritten, not duplicated.
  CONSTRAINT webhook_deliveries_attempt_unique    UNIQUE (subscription_id, event_id, attempt),
  CONSTRAINT webhook_deliveries_event_type_length CHECK (length(event_type) <= 64),
  -- At most 32767: PostgreSQL's smallint.
  CONSTRAINT webhook_deliveries_attempt_positive  CHECK (attempt BETWEEN 1 AND 32767),
  CONSTRAINT webhook_deliveries_status_check      CHECK (status IN ('delivered', 'failed', 'dead-lettered')),
  CONSTRAINT webhook_deliveries_status_code_range CHECK (status_code BETWEEN 100 AND 599),
  CONSTRAINT webhook_deliveries_error_length      CHECK (length(error) <= 500),
  -- At most 2147483647: PostgreSQL's integer.
  CONSTRAINT webhook_deliveries_duration_positive CHECK (duration_ms BETWEEN 0 AND 2147483647),
  CONSTRAINT webhook_deliveries_retry_when_failed CHECK ((status = 'failed') = (next_retry_at IS NOT NULL)),
  CONSTRAINT webhook_deliveries_delivered_is_2xx  CHECK (status <> 'delivered' OR (status_code BETWEEN 200 AND 299 AND error IS NULL))
) STRICT;

-- The log of one subscription, newest first; the unique index above serves the foreign key.
CREATE INDEX webhook_deliveries_subscription_created_at_id_idx ON webhook_deliveries (subscription_id, created_at, id);
