-- A search for a recurring merchant's name (the benchmark's queue-search term): up to 5,001 matches through the bigram index; their statuses are the counts.
SELECT c.status
FROM cases AS c
WHERE :'merchant_keys'::text[] <@ c.search_bigrams AND c.search_text LIKE '%' || :'merchant' || '%'
LIMIT 5001
