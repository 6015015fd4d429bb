-- A search for a merchant's name (深圳市某某科技有限公司): up to 5,001 matches through the bigram index; their statuses are the counts.
SELECT c.status
FROM cases AS c
WHERE :'merchant_keys'::text[] <@ c.search_bigrams AND c.search_text LIKE '%深圳市某某科技有限公司%'
LIMIT 5001
