-- Reports (issue 13) are read from the audit log on every request.
-- A session's report finds its turns and its call_ended by the session id inside the hashed body. The sessions API
-- needs the first index too; it is named for what it indexes so that both features share it.
CREATE INDEX audit_event_turns_by_session ON audit_event ((CAST(body AS jsonb) -> 'data' ->> 'session_id'))
    WHERE type = 'turn_proxied';
CREATE INDEX audit_event_call_ended_by_session ON audit_event ((CAST(body AS jsonb) -> 'data' ->> 'session_id'))
    WHERE type = 'call_ended';
-- Agent and deployment reports select every event of a period.
CREATE INDEX audit_event_agent_time ON audit_event (agent_id, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
