-- Time-limited rights (docs/adr/0076): the day the item arrived, as the consumer gives it (optional), and the earliest last
-- day of the deadlines that may matter to the consumer (Domain/Cases/TimeLimitedRights), fixed when the case is received,
-- since a case's purchase is never corrected. Cases received before this have neither: they sort after every deadline.
ALTER TABLE cases
    ADD COLUMN arrived_on date,
    ADD COLUMN earliest_rights_deadline date,
    -- The queue's "nearest deadline" order: a case without a dated deadline after every one, and keyset comparisons never meet NULL.
    ADD COLUMN deadline_order date GENERATED ALWAYS AS (COALESCE(earliest_rights_deadline, 'infinity'::date)) STORED NOT NULL;

CREATE INDEX ix_cases_deadline_order_id ON cases (deadline_order, id);
