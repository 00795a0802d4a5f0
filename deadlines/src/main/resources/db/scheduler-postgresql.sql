-- db-scheduler's table for persistent Axon deadlines (distributed deployment, PostgreSQL).
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS last_heartbeat_idx ON scheduled_tasks (last_heartbeat);

-- Idempotency keys of the counter API (IdempotencyKeys): one row per caller and key, claimed before the command is
-- sent, so two instances racing on one key cannot both carry it out. Rows older than jpki.idempotency.retention
-- (24 h) are purged.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    caller      VARCHAR(255) NOT NULL,
    request_key VARCHAR(64)  NOT NULL,
    fingerprint CHAR(64)     NOT NULL,
    method      VARCHAR(16)  NOT NULL,
    path        VARCHAR(512) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status      INT,
    location    VARCHAR(512),
    body        VARCHAR(4000),
    PRIMARY KEY (caller, request_key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created_idx ON idempotency_keys (created_at);

-- The pair register (R-ONE-1, R-ONE-2): which pair each card and each resident belongs to, claimed in the
-- transaction of the command that records the issuance.
CREATE TABLE IF NOT EXISTS pair_claims (
    claim_key TEXT NOT NULL PRIMARY KEY,
    pair_id   TEXT NOT NULL
);
