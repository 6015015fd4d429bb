-- Personal data over its whole life (ADR 0100, 0101): cases are anonymised after their retention period or on
-- request, unless a supervisor holds them; records of provision abroad lose what was sent only after their three years;
-- each request about personal data is recorded with its answer.

ALTER TABLE cases
    ADD COLUMN anonymised_at timestamp with time zone,
    ADD COLUMN legal_hold_reason character varying(1000),
    ADD COLUMN legal_hold_at timestamp with time zone,
    ADD COLUMN legal_hold_by_id uuid;

ALTER TABLE partner_provisions
    ADD COLUMN anonymised_at timestamp with time zone;

CREATE TABLE privacy_requests (
    id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    case_id uuid,
    subject character varying(300),
    requested_by character varying(200) NOT NULL,
    reason character varying(2000) NOT NULL,
    received_at timestamp with time zone NOT NULL,
    state character varying(20) NOT NULL,
    answer character varying(2000),
    answered_at timestamp with time zone,
    answered_by_id uuid,
    CONSTRAINT pk_privacy_requests PRIMARY KEY (id),
    CONSTRAINT fk_privacy_requests_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX ix_privacy_requests_case_id ON privacy_requests (case_id);
CREATE INDEX ix_privacy_requests_state_received_at ON privacy_requests (state, received_at);

-- The audit trail stays append-only, with one exception: the anonymiser (and the deletion of entries past their
-- retention period) sets ccc.erasing_personal_data for its own transaction (SET LOCAL), and only then may a line's
-- details be rewritten or an old line removed. TRUNCATE is always refused.
CREATE OR REPLACE FUNCTION audit_entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE' AND current_setting('ccc.erasing_personal_data', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP;
END
$$;
