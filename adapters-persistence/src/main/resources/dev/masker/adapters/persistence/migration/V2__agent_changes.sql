-- Agents can be changed and deleted (issue 3). updated_at records the last change; deletes set deleted_at, keeping
-- the row for the audit log and sessions that name the agent.
ALTER TABLE agent ADD COLUMN updated_at timestamptz;
UPDATE agent SET updated_at = created_at;
ALTER TABLE agent ALTER COLUMN updated_at SET NOT NULL;
