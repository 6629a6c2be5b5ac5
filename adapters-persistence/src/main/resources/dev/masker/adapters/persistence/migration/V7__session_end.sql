-- The end of a call (Vapi's end-of-call report): when its session ended and Vapi's ended reason, an identifier such as
-- "customer-ended-call" (anything else is stored as "other" by Masker, never free text). Both stay NULL until the
-- report comes; the first report wins.
ALTER TABLE proxy_session ADD COLUMN ended_at timestamptz;
ALTER TABLE proxy_session ADD COLUMN ended_reason text CHECK (ended_reason ~ '^[a-z0-9][a-z0-9.-]{0,119}$');
ALTER TABLE proxy_session ADD CONSTRAINT proxy_session_ended_together CHECK ((ended_at IS NULL) = (ended_reason IS NULL));
