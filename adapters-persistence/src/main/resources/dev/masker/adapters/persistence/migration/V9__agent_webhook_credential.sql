-- An agent's own Vapi webhook credential (issue 11), replacing the deployment's for that agent, or NULL:
-- {"type": "hmac", "secret", "secret_is_base64", "algorithm", "signature_header", "signature_prefix",
--  "include_timestamp", "timestamp_header"} or {"type": "bearer", "token", "header"}. Masker checks each delivery
-- against the secret itself, so it is kept readable like the callback's and the forward target's.
ALTER TABLE agent ADD COLUMN webhook_credential jsonb
    CHECK (webhook_credential IS NULL OR jsonb_typeof(webhook_credential) = 'object');
