-- The audit log. Each event stores its canonical JSON (exactly the text that was hashed), the hash of the event
-- before it and its own hash = SHA-256(prev_hash || body), so editing, removing or inserting an event breaks the
-- chain. The database itself refuses UPDATE, DELETE and TRUNCATE on it.
CREATE TABLE audit_event (
    seq         bigint      PRIMARY KEY CHECK (seq > 0),
    event_id    text        NOT NULL UNIQUE,
    type        text        NOT NULL,
    agent_id    text,
    occurred_at timestamptz NOT NULL,
    body        text        NOT NULL,
    prev_hash   char(64)    NOT NULL,
    hash        char(64)    NOT NULL,
    -- Events that must be recorded at most once (one call_started per agent and call) carry a key.
    dedup_key   text        UNIQUE
);

CREATE INDEX audit_event_agent ON audit_event (agent_id, seq);

-- The end of the chain: the last sequence number and hash. Appenders lock this row, so the chain stays one line
-- even with several Masker instances on one database.
CREATE TABLE audit_chain_head (
    id   smallint PRIMARY KEY CHECK (id = 1),
    seq  bigint   NOT NULL CHECK (seq >= 0),
    hash char(64) NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The head only moves forward, and is never removed.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.seq <= OLD.seq OR NEW.id <> OLD.id THEN
        RAISE EXCEPTION 'the audit chain head only moves forward' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_head_forward_only
    BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();

CREATE TRIGGER audit_chain_head_no_truncate
    BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
