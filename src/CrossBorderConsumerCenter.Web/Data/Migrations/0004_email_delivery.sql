-- The background sender (docs/adr/0020-email-delivery.md): a claim token fences each sender's batch,
-- the retry period restarts when staff send a message again, and attachments keep their order.

ALTER TABLE outbound_emails ADD COLUMN claim_token uuid;

ALTER TABLE outbound_emails ADD COLUMN retrying_since timestamp with time zone;
UPDATE outbound_emails SET retrying_since = created_at;
ALTER TABLE outbound_emails ALTER COLUMN retrying_since SET NOT NULL;

-- Attachments keep the order the feature gave them.
ALTER TABLE outbound_email_attachments ADD COLUMN position integer NOT NULL DEFAULT 0;
ALTER TABLE outbound_email_attachments ALTER COLUMN position DROP DEFAULT;
