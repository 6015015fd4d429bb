-- A message the SMTP server accepted can still fail to arrive: the receiving system sends a delivery report back to
-- the center's mailbox. The outbox row keeps when that happened and the report's status, for the case page and
-- /admin/email.
ALTER TABLE outbound_emails ADD bounced_at timestamp with time zone;
ALTER TABLE outbound_emails ADD bounce_status character varying(300);

-- Inbound mail is claimed by locking its row (FOR UPDATE SKIP LOCKED) in the transaction that applies it, so a
-- claim's expiry time is not needed.
ALTER TABLE inbound_emails DROP COLUMN locked_until;
