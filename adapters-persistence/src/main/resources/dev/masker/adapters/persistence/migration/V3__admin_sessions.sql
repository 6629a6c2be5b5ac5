-- Browser sign-in sessions of the admin API (SPEC §5) — not the call sessions (`sess_`) of SPEC §1.
-- The cookie's value is never stored: a session is kept under the lower-case hex SHA-256 of it, so whoever reads
-- this table cannot sign in with what it holds. Rows are kept after expiry or sign-out (revoked_at set).
CREATE TABLE admin_session (
    secret_sha256 char(64)    PRIMARY KEY CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    principal     text        NOT NULL CHECK (char_length(principal) BETWEEN 1 AND 200),
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    CHECK (last_seen_at >= created_at AND expires_at > last_seen_at)
);
