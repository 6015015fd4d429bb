-- The partner agency registry (issue 6), replacing the table in code (Domain/Partners/PartnerRouting): who covers
-- which country, with that country's privacy law as the consent page names it (APPI art. 28). Seeded with the three
-- agencies of seed 000, active, English, 10 business days, without addresses: those come from configuration
-- (PartnerAgencies:{Code}:Addresses) or the admin page.

CREATE TABLE partner_agencies (
    id integer GENERATED ALWAYS AS IDENTITY,
    code character varying(10) NOT NULL,
    english_name character varying(200) NOT NULL,
    japanese_name character varying(200) NOT NULL,
    email_addresses character varying(254)[] NOT NULL,
    language character varying(5) NOT NULL,
    response_business_days integer NOT NULL,
    is_active boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_partner_agencies PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_partner_agencies_code ON partner_agencies (code);

CREATE TABLE partner_agency_countries (
    partner_agency_id integer NOT NULL,
    country_code character(2) NOT NULL,
    position integer NOT NULL,
    privacy_law_japanese character varying(300) NOT NULL,
    privacy_law_english character varying(300) NOT NULL,
    CONSTRAINT pk_partner_agency_countries PRIMARY KEY (partner_agency_id, country_code),
    CONSTRAINT fk_partner_agency_countries_partner_agencies_partner_agency_id FOREIGN KEY (partner_agency_id) REFERENCES partner_agencies (id) ON DELETE CASCADE
);

INSERT INTO partner_agencies (code, english_name, japanese_name, email_addresses, language, response_business_days, is_active, created_at, updated_at) VALUES
    ('CBBB', 'The Council of Better Business Bureaus (CBBB)', 'CBBB(The Council of Better Business Bureaus)', '{}', 'en', 10, true, now(), now()),
    ('SOSA', 'Secure Online Shopping Association (SOSA)', 'SOSA(Secure Online Shopping Association)', '{}', 'en', 10, true, now(), now()),
    ('CASE', 'Consumers Association of Singapore (CASE)', 'シンガポール消費者協会(CASE)', '{}', 'en', 10, true, now(), now());

INSERT INTO partner_agency_countries (partner_agency_id, country_code, position, privacy_law_japanese, privacy_law_english)
SELECT a.id, c.country_code, c.position, c.privacy_law_japanese, c.privacy_law_english
FROM (VALUES
    ('CBBB', 'US', 0, '連邦レベルの包括的な法律はなく、分野ごとの連邦法(連邦取引委員会法など)と州法(カリフォルニア州消費者プライバシー法など)',
        'No comprehensive federal law: sector-specific federal laws (such as the FTC Act) and state laws (such as the California Consumer Privacy Act)'),
    ('CBBB', 'CA', 1, '個人情報保護及び電子文書法(PIPEDA)', 'Personal Information Protection and Electronic Documents Act (PIPEDA)'),
    ('SOSA', 'TW', 0, '個人資料保護法', 'Personal Data Protection Act'),
    ('CASE', 'SG', 0, '個人情報保護法(PDPA 2012)', 'Personal Data Protection Act 2012 (PDPA)')
) AS c (code, country_code, position, privacy_law_japanese, privacy_law_english)
JOIN partner_agencies a ON a.code = c.code;
