-- One record per place in an environment's chain. The place is the "seq" member of the record's own stored text, so
-- the rule covers the records stored before this version too, and no column can say otherwise than the text. Two
-- writers that link a record to the same predecessor can't both store it: the second is refused, reads the new last
-- record and links again. Records stored before the chain existed have no place and are left out.
CREATE UNIQUE INDEX ledger_record_chain ON ledger_record (environment, ((record::json ->> 'seq')::bigint));

-- The record stored last in an environment, read once the environment's transaction lock is held: writers that take
-- turns (many appending to one environment at once) link under it. A VOLATILE function takes a new snapshot for each
-- query it runs, so the record read is the one committed last before the lock was granted, not the one that was last
-- when the calling statement began. It runs with the caller's rights (SECURITY INVOKER).
CREATE FUNCTION ledger_locked_head(env text, lock_key bigint) RETURNS text
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN (SELECT record FROM ledger_record WHERE environment = env ORDER BY seq DESC LIMIT 1);
END;
$$;
