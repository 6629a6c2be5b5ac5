-- An agent's own policy (SPEC §6, issue 4): the YAML it was given, kept as sent so that it reads back the same, and
-- read again (and checked again) whenever the agent is used. NULL: the agent uses the built-in policy policy_name names.
-- The YAML describes which PHI kinds are tokenized; it holds no PHI and no keys (a policy names a kid, never a key).
ALTER TABLE agent ADD COLUMN policy_yaml text CHECK (policy_yaml IS NULL OR length(policy_yaml) <= 16384);
