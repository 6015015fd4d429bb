-- A case opened from an online consultation is entered with the staff's paper-case steps; the draft remembers the
-- booking so that the case, once entered, is linked to it.

ALTER TABLE intake_drafts
    ADD COLUMN consultation_booking_id uuid,
    ADD CONSTRAINT fk_intake_drafts_consultation_bookings_consultation_booking_id FOREIGN KEY (consultation_booking_id) REFERENCES consultation_bookings (id) ON DELETE SET NULL;

CREATE INDEX ix_intake_drafts_consultation_booking_id ON intake_drafts (consultation_booking_id);
