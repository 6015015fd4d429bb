-- The back office's view of a case: assignment, priority, the next deadline, how it ended, and its timeline.

ALTER TABLE cases
    ADD COLUMN assigned_to_id uuid,
    ADD COLUMN priority character varying(20) NOT NULL DEFAULT 'Normal',
    ADD COLUMN due_at timestamp with time zone,
    ADD COLUMN last_activity_at timestamp with time zone,
    ADD COLUMN closed_at timestamp with time zone,
    ADD COLUMN outcome character varying(30),
    ADD COLUMN decline_reason character varying(30),
    ADD COLUMN duplicate_of_number character varying(20),
    ADD CONSTRAINT fk_cases_users_assigned_to_id FOREIGN KEY (assigned_to_id) REFERENCES users (id) ON DELETE RESTRICT;

UPDATE cases SET last_activity_at = received_at;
ALTER TABLE cases ALTER COLUMN last_activity_at SET NOT NULL;
ALTER TABLE cases ALTER COLUMN priority DROP DEFAULT;

CREATE INDEX ix_cases_assigned_to_id_status ON cases (assigned_to_id, status);
CREATE INDEX ix_cases_due_at ON cases (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE case_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    case_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(30) NOT NULL,
    actor_kind character varying(20) NOT NULL,
    actor_id uuid,
    actor_name character varying(100) NOT NULL,
    from_status character varying(30) NOT NULL,
    to_status character varying(30) NOT NULL,
    text character varying(20000),
    data jsonb,
    visible_to_consumer boolean NOT NULL,
    CONSTRAINT pk_case_events PRIMARY KEY (id),
    CONSTRAINT fk_case_events_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE CASCADE
);

CREATE INDEX ix_case_events_case_id_at ON case_events (case_id, at);

-- Cases received before this migration start their timeline with their receipt.
INSERT INTO case_events (case_id, at, kind, actor_kind, actor_name, from_status, to_status, visible_to_consumer)
SELECT id, received_at, 'Received', 'Consumer', 'consumer', 'Received', 'Received', true FROM cases;

-- Every email that belongs to a case points at a case that exists.
ALTER TABLE outbound_emails
    ADD CONSTRAINT fk_outbound_emails_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT;
