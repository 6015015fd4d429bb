-- Intake (issue 3): cases with their consent records and evidence, per-year case numbers, and the
-- server-side drafts a complaint is written in (docs/adr/0010, 0011).
-- cases.xmin (PostgreSQL's system column) is the row version for optimistic concurrency: no column to add.

CREATE TABLE case_number_counters (
    year integer NOT NULL,
    last_sequence integer NOT NULL,
    CONSTRAINT pk_case_number_counters PRIMARY KEY (year)
);

CREATE TABLE cases (
    id uuid NOT NULL,
    number character varying(20) NOT NULL,
    submission_id uuid NOT NULL,
    status character varying(30) NOT NULL,
    language character varying(5) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    consumer_name character varying(100) NOT NULL,
    consumer_name_kana character varying(100),
    consumer_email character varying(254) NOT NULL,
    consumer_phone character varying(30) NOT NULL,
    consumer_postal_code character varying(8) NOT NULL,
    consumer_prefecture_code character varying(5) NOT NULL,
    consumer_address character varying(300) NOT NULL,
    consumer_age_band character varying(30) NOT NULL,
    business_name character varying(200) NOT NULL,
    business_website character varying(2000),
    business_country_code character(2) NOT NULL,
    business_email character varying(254),
    business_phone character varying(30),
    purchase_date date NOT NULL,
    purchase_item character varying(500) NOT NULL,
    purchase_amount numeric(15,3) NOT NULL,
    purchase_currency_code character(3) NOT NULL,
    payment_method character varying(30) NOT NULL,
    purchase_platform character varying(30) NOT NULL,
    purchase_platform_name character varying(100),
    purchase_order_number character varying(100),
    category character varying(40) NOT NULL,
    what_happened character varying(20000) NOT NULL,
    business_contacted_on date NOT NULL,
    business_contact_method character varying(30) NOT NULL,
    business_response character varying(10000) NOT NULL,
    desired_resolution character varying(30) NOT NULL,
    counterfeit_acknowledged boolean NOT NULL,
    CONSTRAINT pk_cases PRIMARY KEY (id)
);

CREATE TABLE intake_drafts (
    id uuid NOT NULL,
    token_hash character(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    consent_notice_version character varying(20) NOT NULL,
    consent_agrees_to_handling boolean NOT NULL,
    consent_has_contacted_business boolean NOT NULL,
    consent_is_consumer_purchase boolean NOT NULL,
    consent_agrees_to_provision_abroad boolean NOT NULL,
    consent_given_at timestamp with time zone NOT NULL,
    form_json character varying(500000) NOT NULL,
    submitted_case_id uuid,
    CONSTRAINT pk_intake_drafts PRIMARY KEY (id)
);

CREATE TABLE case_consents (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    notice_version character varying(20) NOT NULL,
    agrees_to_handling boolean NOT NULL,
    has_contacted_business boolean NOT NULL,
    is_consumer_purchase boolean NOT NULL,
    agrees_to_provision_abroad boolean NOT NULL,
    given_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_consents PRIMARY KEY (id),
    CONSTRAINT fk_case_consents_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
);

CREATE TABLE case_evidence (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    stored_file_id uuid NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_evidence PRIMARY KEY (id),
    CONSTRAINT fk_case_evidence_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE,
    CONSTRAINT fk_case_evidence_stored_files_stored_file_id FOREIGN KEY (stored_file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE TABLE intake_draft_files (
    id uuid NOT NULL,
    draft_id uuid NOT NULL,
    stored_file_id uuid NOT NULL,
    length bigint NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_intake_draft_files PRIMARY KEY (id),
    CONSTRAINT fk_intake_draft_files_intake_drafts_draft_id FOREIGN KEY (draft_id) REFERENCES intake_drafts (id) ON DELETE CASCADE,
    CONSTRAINT fk_intake_draft_files_stored_files_stored_file_id FOREIGN KEY (stored_file_id) REFERENCES stored_files (id) ON DELETE CASCADE
);

CREATE INDEX ix_case_consents_case_id ON case_consents (case_id);

CREATE UNIQUE INDEX ix_case_evidence_case_id_stored_file_id ON case_evidence (case_id, stored_file_id);

CREATE INDEX ix_case_evidence_stored_file_id ON case_evidence (stored_file_id);

CREATE UNIQUE INDEX ix_cases_number ON cases (number);

CREATE INDEX ix_cases_status_received_at ON cases (status, received_at);

CREATE UNIQUE INDEX ix_cases_submission_id ON cases (submission_id);

CREATE INDEX ix_intake_draft_files_draft_id ON intake_draft_files (draft_id);

CREATE INDEX ix_intake_draft_files_stored_file_id ON intake_draft_files (stored_file_id);

CREATE INDEX ix_intake_drafts_expires_at ON intake_drafts (expires_at);

CREATE UNIQUE INDEX ix_intake_drafts_token_hash ON intake_drafts (token_hash);
