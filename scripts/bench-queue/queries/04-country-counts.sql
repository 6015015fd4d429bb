-- All cases from China: counts per status (the status filter left out), each stopping at 1,001.
SELECT u.status AS "Status", count(u.status)::int AS "Count"
FROM (
    SELECT c0.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'Received' LIMIT 1001) AS c0
    UNION ALL
    SELECT c1.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'InProgress' LIMIT 1001) AS c1
    UNION ALL
    SELECT c2.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'WaitingForConsumer' LIMIT 1001) AS c2
    UNION ALL
    SELECT c3.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'Forwarded' LIMIT 1001) AS c3
    UNION ALL
    SELECT c4.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'PartnerResponded' LIMIT 1001) AS c4
    UNION ALL
    SELECT c5.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'Closed' LIMIT 1001) AS c5
    UNION ALL
    SELECT c6.status FROM (SELECT c.status FROM cases AS c WHERE c.business_country_code = 'CN' AND c.status = 'Declined' LIMIT 1001) AS c6
) AS u
GROUP BY u.status
