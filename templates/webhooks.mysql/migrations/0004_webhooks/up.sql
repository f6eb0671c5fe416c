-- Outgoing webhooks: who wants which domain events (subscriptions), and what happened to every attempt to
-- deliver one (the deliveries log).
--
-- Ids and the machine strings that a CHECK matches (ciphertext version, delivery status, event names) are
-- ASCII compared byte for byte, like users.id, and the url is utf8mb4_bin: under the case-insensitive
-- collation of the table HTTP:// or DELIVERED would pass. Indexes are declared inside each CREATE TABLE:
-- MySQL commits every DDL statement at once, so fewer statements leave fewer ways to half-apply this
-- migration.
CREATE TABLE webhook_subscriptions (
  -- Chosen by the application, not the database: the encrypted secret is bound to this id (AES-GCM
  -- additional data), so a ciphertext copied onto another row does not decrypt.
  id                char(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  url               varchar(2048)  COLLATE utf8mb4_bin NOT NULL,
  -- Domain event types (user.created, ...) as a JSON array of strings. The API validates the names, the
  -- database the shape and count. longtext + JSON_VALID is what the JSON type of MariaDB is, spelt out so that
  -- MySQL and MariaDB build the same column. JSON_CONTAINS answers: who wants event X.
  events            longtext       COLLATE utf8mb4_bin NOT NULL,
  -- The signing secret, encrypted with WEBHOOK_SECRET_KEY (AES-256-GCM). It cannot be hashed like a
  -- password: every delivery needs it in clear to compute the HMAC signature.
  secret_ciphertext text           CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  created_at        datetime(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT webhook_subscriptions_url_http       CHECK (url REGEXP '^https?://'),
  CONSTRAINT webhook_subscriptions_events_count   CHECK (json_valid(events) AND json_type(events) = 'ARRAY' AND json_length(events) BETWEEN 1 AND 32),
  CONSTRAINT webhook_subscriptions_secret_format  CHECK (secret_ciphertext LIKE 'v1.%'),
  -- Listing pages through (created_at, id). Unlike the GIN index on text[] of PostgreSQL, neither server can
  -- index the elements of this array portably (the multi-valued indexes of MySQL do not exist in MariaDB):
  -- the event fan-out scans the table, which holds a handful of rows that admins made.
  INDEX webhook_subscriptions_created_at_id_idx (created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- One row per delivery attempt. A deleted subscription takes its log with it.
CREATE TABLE webhook_deliveries (
  id              char(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  subscription_id char(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- The id of the event: also the x-webhook-id header and the id in the body, the same on every attempt.
  event_id        char(36)       CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  event_type      varchar(64)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  attempt         smallint       NOT NULL,
  -- delivered: a 2xx answer. failed: will be retried at next_retry_at. dead-lettered: the last attempt failed.
  status          varchar(16)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  -- The HTTP status of the receiver, null when no answer came (refused, unreachable, timed out).
  status_code     smallint,
  error           varchar(500),
  duration_ms     int            NOT NULL,
  next_retry_at   datetime(3),
  created_at      datetime(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  -- A job may run an attempt again after a crash: the row of that attempt is then overwritten, not duplicated.
  -- This is also the index the foreign key uses.
  CONSTRAINT webhook_deliveries_attempt_unique    UNIQUE (subscription_id, event_id, attempt),
  CONSTRAINT webhook_deliveries_attempt_positive  CHECK (attempt >= 1),
  CONSTRAINT webhook_deliveries_status_check      CHECK (status IN ('delivered', 'failed', 'dead-lettered')),
  CONSTRAINT webhook_deliveries_status_code_range CHECK (status_code BETWEEN 100 AND 599),
  CONSTRAINT webhook_deliveries_duration_positive CHECK (duration_ms >= 0),
  CONSTRAINT webhook_deliveries_retry_when_failed CHECK ((status = 'failed') = (next_retry_at IS NOT NULL)),
  CONSTRAINT webhook_deliveries_delivered_is_2xx  CHECK (status <> 'delivered' OR (status_code BETWEEN 200 AND 299 AND error IS NULL)),
  -- The log of one subscription, newest first.
  INDEX webhook_deliveries_subscription_created_at_id_idx (subscription_id, created_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
