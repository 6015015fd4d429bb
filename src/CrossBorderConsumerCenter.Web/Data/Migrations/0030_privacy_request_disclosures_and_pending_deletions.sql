-- Requests about personal data (ADR 0085, 0086): a disclosure keeps which cases it disclosed (the package is made
-- again from them, never from a new search); a consumer's deletion request from the tracking page waits for staff,
-- and a case has at most one such request waiting at a time.

ALTER TABLE privacy_requests ADD COLUMN disclosed_case_ids uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE privacy_requests ALTER COLUMN disclosed_case_ids DROP DEFAULT;

CREATE UNIQUE INDEX ux_privacy_requests_pending_deletion ON privacy_requests (case_id)
    WHERE kind = 'Deletion' AND state = 'Pending';
