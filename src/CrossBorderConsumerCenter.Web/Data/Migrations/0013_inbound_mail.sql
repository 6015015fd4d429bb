-- Mail that comes in: replies from consumers, counselors and partner agencies, auto-replies and bounces, read from the
-- center's mailbox (IMAP, or a folder of .eml files in development). A message is stored once (message_key is its
-- Message-ID, or a hash of its bytes when it has none), then processed once: matched to its case, or left for staff.
CREATE TABLE inbound_emails (
    id uuid NOT NULL,
    message_key character varying(255) NOT NULL,
    source character varying(20) NOT NULL,
    mailbox_folder character varying(200),
    uid_validity bigint,
    uid bigint,
    received_at timestamp with time zone NOT NULL,
    raw bytea NOT NULL,
    raw_size integer NOT NULL,
    raw_truncated boolean NOT NULL,
    from_address character varying(320),
    subject character varying(500),
    state character varying(20) NOT NULL,
    kind character varying(20),
    sender character varying(20),
    case_id uuid,
    processed_at timestamp with time zone,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    last_error character varying(2000),
    CONSTRAINT pk_inbound_emails PRIMARY KEY (id),
    CONSTRAINT fk_inbound_emails_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_inbound_emails_message_key ON inbound_emails (message_key);
CREATE INDEX ix_inbound_emails_state_next_attempt_at ON inbound_emails (state, next_attempt_at);
CREATE INDEX ix_inbound_emails_case_id ON inbound_emails (case_id);
