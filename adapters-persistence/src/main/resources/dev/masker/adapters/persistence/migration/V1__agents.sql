-- Agents: one configured voice assistant each. A deleted agent keeps its row (deleted_at set) so that its
-- sessions and audit events stay meaningful; names are unique, ignoring case, among live agents only.
CREATE TABLE agent (
    id                  text        PRIMARY KEY CHECK (id ~ '^agt_[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
    name                text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 64),
    upstream            text        NOT NULL,
    tokenization        text        NOT NULL,
    policy_name         text        NOT NULL,
    assistant           jsonb       NOT NULL CHECK (jsonb_typeof(assistant) = 'object'),
    callback_url        text,
    callback_secret     text,
    callback_timeout_ms integer     CHECK (callback_timeout_ms BETWEEN 1 AND 4000),
    created_at          timestamptz NOT NULL,
    deleted_at          timestamptz,
    CHECK ((callback_url IS NULL) = (callback_secret IS NULL) AND (callback_url IS NULL) = (callback_timeout_ms IS NULL))
);

CREATE UNIQUE INDEX agent_live_name_unique ON agent (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX agent_created_at ON agent (created_at DESC, id DESC);
