-- A case may have several tracking links: every email that concerns it carries a link of its own, issued as the email
-- is written, since only the link's hash is stored (ADR 0073). "I lost my link" removes them all and issues one.
ALTER TABLE case_tracking_links DROP CONSTRAINT pk_case_tracking_links;
ALTER TABLE case_tracking_links ADD id uuid;
UPDATE case_tracking_links SET id = gen_random_uuid();
ALTER TABLE case_tracking_links ALTER id SET NOT NULL;
ALTER TABLE case_tracking_links ADD CONSTRAINT pk_case_tracking_links PRIMARY KEY (id);
CREATE INDEX ix_case_tracking_links_case_id ON case_tracking_links (case_id);

-- "I lost my link": who asked for what, as a hash of the case number and the address, for the resend interval only.
CREATE TABLE tracking_link_requests (
    key_hash character(64) NOT NULL,
    asked_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_tracking_link_requests PRIMARY KEY (key_hash)
);

CREATE INDEX ix_tracking_link_requests_asked_at ON tracking_link_requests (asked_at);
