-- The clinic's backend an agent's Vapi messages are relayed to (issue 11): {"url", "secret", "timeout_ms", "messages"},
-- or NULL. The secret signs each relay like the configuration callback's, so it is kept readable like that one.
ALTER TABLE agent ADD COLUMN forward jsonb CHECK (forward IS NULL OR jsonb_typeof(forward) = 'object');
