-- The token vault (SPEC §6): the originals of MSKV1 tokens, each sealed with AES-256-GCM under a key derived from the
-- kid's key, with the session id and token text as associated data. There is no plaintext column: whoever reads this
-- table without the MASKER_KEY_<KID> keys learns nothing but which tokens each session made. A token is found only
-- under the session that stored it; storing the same session and token again keeps the first row.
CREATE TABLE token_vault (
    session_id text        NOT NULL CHECK (session_id ~ '^sess_[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
    -- PostgreSQL regular expressions bound repetitions at 255, so the value's length limit is checked apart.
    token      text        NOT NULL CHECK (token ~ '^MSKV1\.[A-Z_]{2,11}\.K_[A-Z0-9]{1,30}\.[A-Z2-7]{16,}$'
                                           AND char_length(token) <= 1100),
    kind       text        NOT NULL CHECK (kind ~ '^[A-Z_]{2,11}$'),
    kid        text        NOT NULL CHECK (kid ~ '^K_[A-Z0-9]{1,30}$'),
    nonce      bytea       NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext bytea       NOT NULL CHECK (octet_length(ciphertext) >= 16),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (session_id, token),
    -- The kind and kid columns repeat the token's fields, for queries and key rotation; they must agree.
    CHECK (token LIKE 'MSKV1.' || kind || '.' || kid || '.%')
);
