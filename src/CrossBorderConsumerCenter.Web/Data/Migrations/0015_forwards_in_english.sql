-- A forward carries what staff wrote in the agency's language (English for every agency today): the record of
-- provision keeps it, so the agency's answer page shows the English summary and item, never the consumer's Japanese.
-- Records made before have none (null) and original_included false: the consumer's text was never appended then.

ALTER TABLE partner_provisions
    ADD COLUMN sent_business_name character varying(200),
    ADD COLUMN sent_item character varying(500),
    ADD COLUMN sent_summary character varying(20000),
    ADD COLUMN sent_business_response character varying(20000),
    ADD COLUMN sent_consumer_name character varying(100),
    ADD COLUMN original_included boolean NOT NULL DEFAULT false;
ALTER TABLE partner_provisions ALTER COLUMN original_included DROP DEFAULT;
