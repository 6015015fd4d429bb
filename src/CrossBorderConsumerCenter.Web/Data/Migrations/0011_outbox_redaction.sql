-- Secrets an outgoing message carries (a tracking or answer link's token, which the database otherwise keeps
-- only as a SHA-256): the sender removes them from the stored bodies when it records the message as sent.
ALTER TABLE outbound_emails ADD COLUMN redact_after_sending character varying(200)[] NOT NULL DEFAULT '{}';
ALTER TABLE outbound_emails ALTER COLUMN redact_after_sending DROP DEFAULT;
