-- Cases that came by fax, letter or phone, entered by staff: how each case came (every earlier case came through the
-- portal's form) and who entered it; a staff member's draft of such a case, with how and when it came and the language
-- the center writes to the consumer in.

ALTER TABLE cases
    ADD COLUMN channel character varying(20) NOT NULL DEFAULT 'Portal',
    ADD COLUMN entered_by_id uuid,
    ADD CONSTRAINT fk_cases_users_entered_by_id FOREIGN KEY (entered_by_id) REFERENCES users (id) ON DELETE RESTRICT;

CREATE INDEX ix_cases_entered_by_id ON cases (entered_by_id);

ALTER TABLE intake_drafts
    ADD COLUMN staff_id uuid,
    ADD COLUMN paper_channel character varying(20),
    ADD COLUMN paper_received_at timestamp with time zone,
    ADD COLUMN paper_language character varying(2),
    ADD CONSTRAINT fk_intake_drafts_users_staff_id FOREIGN KEY (staff_id) REFERENCES users (id) ON DELETE CASCADE;

CREATE INDEX ix_intake_drafts_staff_id ON intake_drafts (staff_id) WHERE staff_id IS NOT NULL;
