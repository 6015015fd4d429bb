-- Counselors and consumer tracking (issue 7): consumer centers and their counselors, cases filed for residents
-- (the resident's email optional, the counselor's attestation of consent), counselors' drafts, and the consumers'
-- private tracking links (only the SHA-256 of each token).

CREATE TABLE consumer_centers (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefecture_code character varying(5) NOT NULL,
    phone character varying(30) NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consumer_centers PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_consumer_centers_prefecture_code_name ON consumer_centers (prefecture_code, name);

ALTER TABLE users
    ADD COLUMN consumer_center_id uuid,
    ADD CONSTRAINT fk_users_consumer_centers_consumer_center_id FOREIGN KEY (consumer_center_id) REFERENCES consumer_centers (id) ON DELETE RESTRICT;

CREATE INDEX ix_users_consumer_center_id ON users (consumer_center_id);

ALTER TABLE cases
    ALTER COLUMN consumer_email DROP NOT NULL,
    ADD COLUMN filed_by_counselor_id uuid,
    ADD COLUMN filed_by_center_id uuid,
    ADD COLUMN resident_relation character varying(20),
    ADD CONSTRAINT fk_cases_users_filed_by_counselor_id FOREIGN KEY (filed_by_counselor_id) REFERENCES users (id) ON DELETE RESTRICT,
    ADD CONSTRAINT fk_cases_consumer_centers_filed_by_center_id FOREIGN KEY (filed_by_center_id) REFERENCES consumer_centers (id) ON DELETE RESTRICT;

-- The counselor's dashboard: its center's cases, newest first.
CREATE INDEX ix_cases_filed_by_center_id_received_at_id ON cases (filed_by_center_id, received_at DESC, id DESC) WHERE filed_by_center_id IS NOT NULL;
CREATE INDEX ix_cases_filed_by_counselor_id ON cases (filed_by_counselor_id);

ALTER TABLE case_consents
    ADD COLUMN handling_method character varying(20),
    ADD COLUMN abroad_method character varying(20);

ALTER TABLE intake_drafts
    ALTER COLUMN token_hash DROP NOT NULL,
    ADD COLUMN counselor_id uuid,
    ADD COLUMN resident_relation character varying(20),
    ADD COLUMN consent_handling_method character varying(20),
    ADD COLUMN consent_abroad_method character varying(20),
    ADD CONSTRAINT fk_intake_drafts_users_counselor_id FOREIGN KEY (counselor_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE INDEX ix_intake_drafts_counselor_id ON intake_drafts (counselor_id) WHERE counselor_id IS NOT NULL;

CREATE TABLE case_tracking_links (
    case_id uuid NOT NULL,
    token_hash character(64) NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_tracking_links PRIMARY KEY (case_id),
    CONSTRAINT fk_case_tracking_links_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_case_tracking_links_token_hash ON case_tracking_links (token_hash);
