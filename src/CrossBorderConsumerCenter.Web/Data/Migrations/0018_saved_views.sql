-- A staff member's own views of the queue: filters and order kept under a name (Features/Queue, SavedView). Only the
-- owner sees them. name_key is the name as names are compared (NFKC, spaces folded, upper case): one per owner.
CREATE TABLE saved_views (
    id uuid NOT NULL,
    owner_id uuid NOT NULL,
    name character varying(60) NOT NULL,
    name_key character varying(60) NOT NULL,
    query character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_saved_views PRIMARY KEY (id),
    CONSTRAINT fk_saved_views_users_owner_id FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_saved_views_owner_id_name_key ON saved_views (owner_id, name_key);
