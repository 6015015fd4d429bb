-- A search for a common word (返金, "refund"): the bounded pass stops at 5,001 matches, so it is not counted per status.
SELECT c.status
FROM cases AS c
WHERE :'refund_keys'::text[] <@ c.search_bigrams AND c.search_text LIKE '%返金%'
LIMIT 5001
