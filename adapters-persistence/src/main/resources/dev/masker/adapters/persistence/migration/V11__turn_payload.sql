-- Payloads of proxied turns whose policy says log_payloads: true (issue 13): the request, what went upstream and the
-- answer, as JSON sealed with AES-256-GCM under a key derived from the policy's kid (never the plaintext), bound to the
-- session and request ids. Purged with the token vault by the retention purge.
CREATE TABLE turn_payload (
    session_id text        NOT NULL,
    request_id text        NOT NULL,
    kid        text        NOT NULL,
    nonce      bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext bytea       NOT NULL CHECK (octet_length(ciphertext) >= 16),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (session_id, request_id)
);
CREATE INDEX turn_payload_created ON turn_payload (created_at);
