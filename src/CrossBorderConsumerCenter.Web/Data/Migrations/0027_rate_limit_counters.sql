-- Rate limits counted in PostgreSQL, so that several instances share one count (ADR 0091): one row per limit and key (a
-- SHA-256, never a client address), the hits of its current fixed window.
CREATE TABLE rate_limit_counters (
    key_hash character(64) NOT NULL,
    window_start timestamp with time zone NOT NULL,
    hits integer NOT NULL,
    CONSTRAINT pk_rate_limit_counters PRIMARY KEY (key_hash)
);

CREATE INDEX ix_rate_limit_counters_window_start ON rate_limit_counters (window_start);
