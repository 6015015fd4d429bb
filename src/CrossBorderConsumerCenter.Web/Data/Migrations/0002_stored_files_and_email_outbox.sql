-- Files stored in the database (evidence, attachments) and the email outbox (docs/architecture.md).

CREATE TABLE outbound_emails (
    id uuid NOT NULL,
    message_id character varying(255) NOT NULL,
    to_addresses character varying(320)[] NOT NULL,
    cc_addresses character varying(320)[] NOT NULL,
    reply_to character varying(320),
    subject character varying(500) NOT NULL,
    text_body character varying(200000) NOT NULL,
    html_body character varying(400000) NOT NULL,
    language character varying(5) NOT NULL,
    template character varying(100) NOT NULL,
    case_id uuid,
    state character varying(20) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    locked_until timestamp with time zone,
    last_attempt_at timestamp with time zone,
    sent_at timestamp with time zone,
    last_error character varying(2000),
    CONSTRAINT pk_outbound_emails PRIMARY KEY (id)
);

CREATE TABLE stored_files (
    id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    content_type character varying(100) NOT NULL,
    length bigint NOT NULL,
    sha256 character(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stored_files PRIMARY KEY (id)
);

CREATE TABLE outbound_email_attachments (
    id uuid NOT NULL,
    outbound_email_id uuid NOT NULL,
    stored_file_id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    CONSTRAINT pk_outbound_email_attachments PRIMARY KEY (id),
    CONSTRAINT fk_outbound_email_attachments_outbound_emails_outbound_email_id FOREIGN KEY (outbound_email_id) REFERENCES outbound_emails (id) ON DELETE CASCADE,
    CONSTRAINT fk_outbound_email_attachments_stored_files_stored_file_id FOREIGN KEY (stored_file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE TABLE stored_file_contents (
    stored_file_id uuid NOT NULL,
    bytes bytea NOT NULL,
    CONSTRAINT pk_stored_file_contents PRIMARY KEY (stored_file_id),
    CONSTRAINT fk_stored_file_contents_stored_files_stored_file_id FOREIGN KEY (stored_file_id) REFERENCES stored_files (id) ON DELETE CASCADE
);

CREATE INDEX ix_outbound_email_attachments_outbound_email_id ON outbound_email_attachments (outbound_email_id);

CREATE INDEX ix_outbound_email_attachments_stored_file_id ON outbound_email_attachments (stored_file_id);

CREATE INDEX ix_outbound_emails_case_id ON outbound_emails (case_id);

CREATE UNIQUE INDEX ix_outbound_emails_message_id ON outbound_emails (message_id);

CREATE INDEX ix_outbound_emails_state_next_attempt_at ON outbound_emails (state, next_attempt_at);
