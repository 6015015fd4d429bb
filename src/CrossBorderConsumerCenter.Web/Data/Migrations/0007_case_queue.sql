-- The staff queue (issue 5, part A; docs/adr/0030, docs/performance-queue.md).
--
-- Columns PostgreSQL generates from each case, so every writer (intake, the back office, a bulk import) keeps them
-- right: sort keys in the order staff expect (status in workflow order, the most urgent priority first, a case
-- without a deadline after every deadline) and the search text with its bigrams. The search text is each field in
-- NFKC without ASCII white space, ASCII letters in lower case (the "C" collation makes that independent of the
-- database's locale), hiragana as katakana, the fields joined by U+001F; Domain/Cases/CaseSearchText does the same to
-- the words typed. Data/CaseQueueColumns holds the same expressions for the EF model (a test compares them).
-- Adding stored generated columns rewrites the table once (seconds at the center's size; see operations.md).

ALTER TABLE cases
    ADD COLUMN status_order smallint GENERATED ALWAYS AS (CASE status WHEN 'Received' THEN 0 WHEN 'InProgress' THEN 1 WHEN 'WaitingForConsumer' THEN 2 WHEN 'Forwarded' THEN 3 WHEN 'PartnerResponded' THEN 4 WHEN 'Closed' THEN 5 WHEN 'Declined' THEN 6 END) STORED NOT NULL,
    ADD COLUMN priority_order smallint GENERATED ALWAYS AS (CASE priority WHEN 'Urgent' THEN 0 WHEN 'High' THEN 1 WHEN 'Normal' THEN 2 WHEN 'Low' THEN 3 END) STORED NOT NULL,
    ADD COLUMN due_order timestamp with time zone GENERATED ALWAYS AS (COALESCE(due_at, 'infinity'::timestamp with time zone)) STORED NOT NULL,
    ADD COLUMN search_text text GENERATED ALWAYS AS (
        translate(lower(
            regexp_replace(normalize(COALESCE(consumer_name, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
            regexp_replace(normalize(COALESCE(consumer_name_kana, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
            regexp_replace(normalize(COALESCE(consumer_email, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
            regexp_replace(normalize(COALESCE(business_name, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
            regexp_replace(normalize(COALESCE(business_website, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
            regexp_replace(normalize(COALESCE(what_happened, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g')),
            'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
            'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ')) STORED NOT NULL,
    -- Never NULL in fact; nullable in the model because EF checks a required collection before PostgreSQL computes it.
    ADD COLUMN search_bigrams text[] GENERATED ALWAYS AS (
        string_to_array(rtrim(regexp_replace(regexp_replace(regexp_replace(
            translate(lower(
                regexp_replace(normalize(COALESCE(consumer_name, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
                regexp_replace(normalize(COALESCE(consumer_name_kana, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
                regexp_replace(normalize(COALESCE(consumer_email, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
                regexp_replace(normalize(COALESCE(business_name, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
                regexp_replace(normalize(COALESCE(business_website, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g') || chr(31) ||
                regexp_replace(normalize(COALESCE(what_happened, ''), NFKC) COLLATE "C", '[[:space:]]+', '', 'g')),
                'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
                'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ'),
            '(.)', '\1\1', 'g'), '^.|.$', '', 'g'), '(..)', '\1 ', 'g')), ' ')) STORED;

-- The default view (needs action) walks the open cases oldest first; its counts per status read the second index only.
CREATE INDEX ix_cases_open_received_at_id ON cases (received_at, id)
    WHERE status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded');
CREATE INDEX ix_cases_open_status_due_at ON cases (status, due_at)
    INCLUDE (business_country_code, category, purchase_platform, priority, assigned_to_id, received_at)
    WHERE status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded');

-- One index per sort key, each ending in the id that breaks ties, so a page is one index range (keyset, no OFFSET).
CREATE INDEX ix_cases_received_at_id ON cases (received_at, id);
CREATE INDEX ix_cases_last_activity_at_id ON cases (last_activity_at, id);
CREATE INDEX ix_cases_status_order_id ON cases (status_order, id);
CREATE INDEX ix_cases_priority_order_id ON cases (priority_order, id);
CREATE INDEX ix_cases_due_order_id ON cases (due_order, id);
CREATE INDEX ix_cases_business_name_id ON cases (business_name COLLATE "ja-x-icu", id);

-- Filters, each then the status for the counts per status; PostgreSQL combines them (bitmap AND).
CREATE INDEX ix_cases_business_country_code_status ON cases (business_country_code, status);
CREATE INDEX ix_cases_category_status ON cases (category, status);
CREATE INDEX ix_cases_purchase_platform_status ON cases (purchase_platform, status);
CREATE INDEX ix_cases_priority_status ON cases (priority, status);

-- The search: a case holding every bigram asked for (docs/adr/0030).
CREATE INDEX ix_cases_search_bigrams ON cases USING gin (search_bigrams);
