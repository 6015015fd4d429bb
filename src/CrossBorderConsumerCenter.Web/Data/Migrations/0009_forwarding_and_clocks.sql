-- Forwarding (issue 6): records of provision to a third party abroad (APPI art. 29, kept three years), the agencies'
-- answer links (only the token's SHA-256 is stored), evidence marked with who gave it, and what the case clocks did
-- about the current deadline.

CREATE TABLE partner_provisions (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    partner_agency_id integer NOT NULL,
    agency_code character varying(10) NOT NULL,
    agency_name character varying(200) NOT NULL,
    country_code character(2) NOT NULL,
    recipients character varying(254)[] NOT NULL,
    items character varying(30)[] NOT NULL,
    evidence_file_names character varying(255)[] NOT NULL,
    outbound_email_id uuid NOT NULL,
    provided_by_id uuid,
    provided_by_name character varying(200) NOT NULL,
    provided_at timestamp with time zone NOT NULL,
    retain_until timestamp with time zone NOT NULL,
    CONSTRAINT pk_partner_provisions PRIMARY KEY (id),
    CONSTRAINT fk_partner_provisions_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT fk_partner_provisions_outbound_emails_outbound_email_id FOREIGN KEY (outbound_email_id) REFERENCES outbound_emails (id) ON DELETE RESTRICT,
    CONSTRAINT fk_partner_provisions_partner_agencies_partner_agency_id FOREIGN KEY (partner_agency_id) REFERENCES partner_agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_partner_provisions_users_provided_by_id FOREIGN KEY (provided_by_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_partner_provisions_case_id_provided_at ON partner_provisions (case_id, provided_at);
CREATE INDEX ix_partner_provisions_outbound_email_id ON partner_provisions (outbound_email_id);
CREATE INDEX ix_partner_provisions_partner_agency_id ON partner_provisions (partner_agency_id);
CREATE INDEX ix_partner_provisions_provided_at ON partner_provisions (provided_at);
CREATE INDEX ix_partner_provisions_provided_by_id ON partner_provisions (provided_by_id);

CREATE TABLE partner_links (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    partner_agency_id integer NOT NULL,
    provision_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    outcome character varying(30),
    CONSTRAINT pk_partner_links PRIMARY KEY (id),
    CONSTRAINT fk_partner_links_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
    CONSTRAINT fk_partner_links_partner_agencies_partner_agency_id FOREIGN KEY (partner_agency_id) REFERENCES partner_agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_partner_links_partner_provisions_provision_id FOREIGN KEY (provision_id) REFERENCES partner_provisions (id) ON DELETE RESTRICT
);

CREATE INDEX ix_partner_links_case_id ON partner_links (case_id);
CREATE INDEX ix_partner_links_partner_agency_id ON partner_links (partner_agency_id);
CREATE UNIQUE INDEX ix_partner_links_provision_id ON partner_links (provision_id);
CREATE UNIQUE INDEX ix_partner_links_token_hash ON partner_links (token_hash);

-- Every file so far came from the consumer.
ALTER TABLE case_evidence ADD COLUMN source character varying(20) NOT NULL DEFAULT 'Consumer';
ALTER TABLE case_evidence ALTER COLUMN source DROP DEFAULT;

ALTER TABLE cases
    ADD COLUMN overdue_marked_at timestamp with time zone,
    ADD COLUMN reminder_sent_at timestamp with time zone,
    ADD COLUMN auto_close_stopped_at timestamp with time zone;

-- The clocks' worker: open cases past their deadline that it has not acted on yet.
CREATE INDEX ix_cases_clock_due ON cases (due_at) WHERE overdue_marked_at IS NULL AND due_at IS NOT NULL;
