-- Agent stats read each agent's turn_proxied events over the last day and week (sessions, masked values, latency).
CREATE INDEX audit_event_turns_by_agent ON audit_event (agent_id, occurred_at) WHERE type = 'turn_proxied';
