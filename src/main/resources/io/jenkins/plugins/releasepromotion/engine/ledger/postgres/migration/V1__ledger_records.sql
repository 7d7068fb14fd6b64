-- The shared ledger: one row per record, in the order they were appended.
CREATE TABLE ledger_record (
    seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          text        NOT NULL,
    phase       text        NOT NULL CHECK (phase IN ('STARTED', 'FINISHED')),
    environment text        NOT NULL,
    -- 0 for an environment without slots: slots count from 1, and a plain value keeps the indexes exact.
    slot        integer     NOT NULL CHECK (slot >= 0),
    kind        text        NOT NULL,
    outcome     text,
    tag         text,
    commit      text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    -- The record's canonical JSON text, checksum included: what the file ledger writes on its line. The columns above
    -- are copies of its members for the queries.
    record      text        NOT NULL,
    appended_at timestamptz NOT NULL DEFAULT now(),
    -- An operation is written once when it starts and once when it ends; a repeated append stores nothing.
    CONSTRAINT ledger_record_once UNIQUE (id, phase)
);

-- history, newestFirst, environments
CREATE INDEX ledger_record_environment ON ledger_record (environment, seq);
-- current, currentOfSlots, lastGoodBefore
CREATE INDEX ledger_record_running ON ledger_record (environment, slot, seq)
    WHERE phase = 'FINISHED' AND outcome = 'SUCCEEDED' AND kind IN ('DEPLOYMENT', 'ROLLBACK');
-- succeededTags
CREATE INDEX ledger_record_good ON ledger_record (environment, seq)
    WHERE phase = 'FINISHED' AND outcome = 'SUCCEEDED' AND kind IN ('DEPLOYMENT', 'ROLLBACK');
-- verifications, attestations
CREATE INDEX ledger_record_verification ON ledger_record (environment, tag, seq)
    WHERE phase = 'FINISHED' AND kind = 'VERIFICATION';
-- interrupted
CREATE INDEX ledger_record_started ON ledger_record (environment, seq) WHERE phase = 'STARTED';

-- Append-only, whoever asks: a record is never changed or removed, not even by the table's owner.
CREATE FUNCTION ledger_record_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The ledger is append-only: % of ledger_record is refused', TG_OP
        USING ERRCODE = 'restrict_violation',
              HINT = 'Append a new record instead; a record is never changed or removed.';
END;
$$;

CREATE TRIGGER ledger_record_no_change BEFORE UPDATE OR DELETE ON ledger_record
    FOR EACH ROW EXECUTE FUNCTION ledger_record_append_only();
CREATE TRIGGER ledger_record_no_truncate BEFORE TRUNCATE ON ledger_record
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_record_append_only();

-- Who holds each deployment lock (the lock itself is a session-level advisory lock): written by the holder once it
-- has the lock, read by whoever is refused. A row counts only while its session still holds the lock.
CREATE TABLE ledger_lock_holder (
    environment text        NOT NULL,
    slot        integer     NOT NULL,
    holder      text        NOT NULL,
    since       timestamptz NOT NULL,
    pid         integer     NOT NULL,
    PRIMARY KEY (environment, slot)
);
