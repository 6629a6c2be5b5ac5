-- The sessions API reads a session's turn_proxied events and its call_ended event by the session id in their data.
CREATE INDEX audit_event_by_session ON audit_event ((CAST(body AS jsonb) -> 'data' ->> 'session_id'), seq)
    WHERE type IN ('turn_proxied', 'call_ended');
