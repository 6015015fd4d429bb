-- All cases sorted by merchant name (Japanese collation), descending, first page.
SELECT c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.filed_by_center_id IS NOT NULL
FROM cases AS c
ORDER BY c.business_name COLLATE "ja-x-icu" DESC, c.id DESC
LIMIT 51
