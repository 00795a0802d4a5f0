-- The card gateway's own state in PostgreSQL (distributed deployment): the card-work saga's tracking token and
-- sagas (Axon's JDBC stores, default table and column names), next to its deadlines (scheduler-postgresql.sql).
-- One database, so a saga, its processor's position and the deadlines it schedules commit in one transaction.
CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

CREATE TABLE IF NOT EXISTS SagaEntry (
    sagaId         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA,
    PRIMARY KEY (sagaId)
);

CREATE TABLE IF NOT EXISTS AssociationValueEntry (
    id               BIGSERIAL    NOT NULL,
    associationKey   VARCHAR(255) NOT NULL,
    associationValue VARCHAR(255),
    sagaType         VARCHAR(255),
    sagaId           VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS associationvalueentry_type_key_value ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX IF NOT EXISTS associationvalueentry_saga ON AssociationValueEntry (sagaId, sagaType);
