-- "I lost my link" sends a new link that leaves the others working until it is used itself: then the links issued before
-- it stop working (ADR 0097). So a stranger who knows a case number and the consumer's address cannot cut the consumer off.
ALTER TABLE case_tracking_links ADD revokes_earlier_on_use boolean NOT NULL DEFAULT false;
ALTER TABLE case_tracking_links ALTER revokes_earlier_on_use DROP DEFAULT;
