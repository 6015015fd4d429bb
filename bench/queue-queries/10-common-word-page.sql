-- The same search's first page: walking the order and checking each case finds 51 soon.
SELECT c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.filed_by_center_id IS NOT NULL
FROM cases AS c
WHERE c.search_text LIKE '%返金%'
ORDER BY c.received_at, c.id
LIMIT 51
