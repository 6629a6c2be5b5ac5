-- Proxy access (SPEC §7): each agent's proxy key — the secret a caller of its proxy URL presents; the webhook writes it
-- into the assistant's model headers, so it is kept readable, like the callback secret — and the models a proxy
-- request may name besides the upstream's own. Agents made before this migration get a fresh random key
-- (gen_random_uuid draws from PostgreSQL's strong random source; two of them give 244 random bits).
ALTER TABLE agent ADD COLUMN proxy_key text;
ALTER TABLE agent ADD COLUMN allowed_models jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(allowed_models) = 'array');
UPDATE agent SET proxy_key = 'mpk_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
ALTER TABLE agent ALTER COLUMN proxy_key SET NOT NULL;
ALTER TABLE agent ADD CONSTRAINT agent_proxy_key_shape CHECK (proxy_key ~ '^mpk_[0-9a-f]{64}$');
ALTER TABLE agent ADD CONSTRAINT agent_allowed_models_count CHECK (jsonb_array_length(allowed_models) <= 20);

-- Sessions: the record of one call as the proxy saw it. The platform's call id groups a call's turns; a turn without
-- one is a session of its own (call_id NULL; NULLs never clash in the unique constraint).
CREATE TABLE proxy_session (
    id         text        PRIMARY KEY CHECK (id ~ '^sess_[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
    agent_id   text        NOT NULL REFERENCES agent (id),
    call_id    text        CHECK (char_length(call_id) BETWEEN 1 AND 200),
    started_at timestamptz NOT NULL,
    UNIQUE (agent_id, call_id)
);
CREATE INDEX proxy_session_started ON proxy_session (started_at DESC, id DESC);
CREATE INDEX proxy_session_agent_started ON proxy_session (agent_id, started_at DESC, id DESC);
