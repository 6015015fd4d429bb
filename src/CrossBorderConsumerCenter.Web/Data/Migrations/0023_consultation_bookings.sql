-- Online consultations (docs/adr/0079): bookings of a 30-minute video consultation with a counselor, the private links
-- the applicant cancels or moves them with, staff's notes, and the schedule an admin keeps (one row; closed days apart).
-- A slot is full when each of its seats is held: the partial unique index lets one live booking hold a seat, so two
-- applicants taking the last seat at the same moment cannot both have it.
CREATE TABLE consultation_bookings (
    id uuid NOT NULL,
    status character varying(20) NOT NULL,
    slot_start timestamp with time zone NOT NULL,
    seat integer NOT NULL,
    name character varying(100) NOT NULL,
    name_kana character varying(100) NOT NULL,
    postal_code character varying(8) NOT NULL,
    prefecture_code character varying(5) NOT NULL,
    address character varying(300) NOT NULL,
    phone character varying(30) NOT NULL,
    email character varying(254) NOT NULL,
    description character varying(1000) NOT NULL,
    language character varying(5) NOT NULL,
    consent_notice_version character varying(20) NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    filed_by_counselor_id uuid,
    filed_by_center_id uuid,
    resident_relation character varying(20),
    counselor_id uuid,
    meeting_url character varying(500),
    confirmed_at timestamp with time zone,
    calendar_uid character varying(100) NOT NULL,
    calendar_sequence integer NOT NULL,
    reminder_sent_at timestamp with time zone,
    cancelled_at timestamp with time zone,
    cancelled_by character varying(20),
    cancel_reason character varying(500),
    outcome_at timestamp with time zone,
    outcome_by_id uuid,
    case_id uuid,
    CONSTRAINT pk_consultation_bookings PRIMARY KEY (id),
    CONSTRAINT ck_consultation_bookings_seat CHECK (seat >= 1),
    CONSTRAINT fk_consultation_bookings_users_counselor_id FOREIGN KEY (counselor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_consultation_bookings_users_filed_by_counselor_id FOREIGN KEY (filed_by_counselor_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_consultation_bookings_users_outcome_by_id FOREIGN KEY (outcome_by_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT fk_consultation_bookings_consumer_centers_filed_by_center_id FOREIGN KEY (filed_by_center_id) REFERENCES consumer_centers (id) ON DELETE RESTRICT,
    CONSTRAINT fk_consultation_bookings_cases_case_id FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ux_consultation_bookings_seat ON consultation_bookings (slot_start, seat) WHERE status <> 'Cancelled';
CREATE INDEX ix_consultation_bookings_slot_start_id ON consultation_bookings (slot_start, id);
CREATE INDEX ix_consultation_bookings_filed_by_center_id_requested_at ON consultation_bookings (filed_by_center_id, requested_at) WHERE filed_by_center_id IS NOT NULL;
CREATE INDEX ix_consultation_bookings_counselor_id ON consultation_bookings (counselor_id);
CREATE INDEX ix_consultation_bookings_filed_by_counselor_id ON consultation_bookings (filed_by_counselor_id);
CREATE INDEX ix_consultation_bookings_outcome_by_id ON consultation_bookings (outcome_by_id);
CREATE INDEX ix_consultation_bookings_case_id ON consultation_bookings (case_id);

CREATE TABLE consultation_links (
    id uuid NOT NULL,
    booking_id uuid NOT NULL,
    token_hash character(64) NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consultation_links PRIMARY KEY (id),
    CONSTRAINT fk_consultation_links_consultation_bookings_booking_id FOREIGN KEY (booking_id) REFERENCES consultation_bookings (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_consultation_links_token_hash ON consultation_links (token_hash);
CREATE INDEX ix_consultation_links_booking_id ON consultation_links (booking_id);

CREATE TABLE consultation_notes (
    id uuid NOT NULL,
    booking_id uuid NOT NULL,
    author_id uuid NOT NULL,
    author_name character varying(100) NOT NULL,
    text character varying(4000) NOT NULL,
    written_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consultation_notes PRIMARY KEY (id),
    CONSTRAINT fk_consultation_notes_consultation_bookings_booking_id FOREIGN KEY (booking_id) REFERENCES consultation_bookings (id) ON DELETE CASCADE,
    CONSTRAINT fk_consultation_notes_users_author_id FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE RESTRICT
);

CREATE INDEX ix_consultation_notes_booking_id_written_at ON consultation_notes (booking_id, written_at);
CREATE INDEX ix_consultation_notes_author_id ON consultation_notes (author_id);

CREATE TABLE consultation_settings (
    id integer NOT NULL,
    slot_times time without time zone[] NOT NULL,
    seats_per_slot integer NOT NULL,
    horizon_days integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consultation_settings PRIMARY KEY (id),
    CONSTRAINT ck_consultation_settings_singleton CHECK (id = 1)
);

CREATE TABLE consultation_closed_days (
    day date NOT NULL,
    reason character varying(200) NOT NULL,
    added_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_consultation_closed_days PRIMARY KEY (day)
);
