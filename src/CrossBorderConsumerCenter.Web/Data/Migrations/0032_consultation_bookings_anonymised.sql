-- Retention of online consultation bookings that never became a case (docs/adr/0103): when the applicant's personal
-- data was removed from the booking. A booking linked to a case is anonymised with the case and keeps this empty.

ALTER TABLE consultation_bookings ADD COLUMN anonymised_at timestamp with time zone NULL;
