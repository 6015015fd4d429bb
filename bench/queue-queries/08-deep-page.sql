-- All cases, the page after the case half-way through the list (keyset: one index range, no OFFSET).
SELECT c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.filed_by_center_id IS NOT NULL
FROM cases AS c
WHERE (c.received_at, c.id) > (:'deep_received_at'::timestamptz, :'deep_id'::uuid)
ORDER BY c.received_at, c.id
LIMIT 51
