-- Agent stats count each agent's call_started events over the last day and week.
CREATE INDEX audit_event_calls_by_agent ON audit_event (agent_id, occurred_at) WHERE type = 'call_started';
