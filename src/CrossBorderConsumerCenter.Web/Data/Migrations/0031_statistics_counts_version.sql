-- The version of the statistics' counts (docs/adr/0102): every counting of written cases gives it a new random value in
-- the same transaction as its changes to statistics_month_counts and statistics_case_entries. A figure drawn from the
-- counts of a version stays right until the version changes, so the page keeps what it drew under that version and
-- draws again only after the counts have changed (on any instance of the portal: the version is read from here).
-- Random rather than a counter: a database restored from a backup never gives a later state a version seen before.

CREATE TABLE statistics_counts_version (
    id integer NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT pk_statistics_counts_version PRIMARY KEY (id),
    CONSTRAINT ck_statistics_counts_version_singleton CHECK (id = 1)
);

INSERT INTO statistics_counts_version (id, version) VALUES (1, gen_random_uuid());
