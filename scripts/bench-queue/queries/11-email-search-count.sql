-- A search for a consumer's email address: its rarest bigrams by the statistics, then the exact test.
SELECT c.status
FROM cases AS c
WHERE :'email_keys'::text[] <@ c.search_bigrams AND c.search_text LIKE '%' || :'email' || '%'
LIMIT 5001
