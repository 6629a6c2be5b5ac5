-- Reports (issue 13) are read from the audit log on every request. A session's turns and its call_ended are found
-- through V4's index on the session id; agent and deployment reports select every event of a period.
CREATE INDEX audit_event_agent_time ON audit_event (agent_id, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
