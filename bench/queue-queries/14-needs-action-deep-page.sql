-- The benchmark's queue-deep: the default view (needs action) from a case 90 % of the way down its list (keyset).
SELECT c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.filed_by_center_id IS NOT NULL
FROM cases AS c
WHERE c.status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded') AND (c.status IN ('Received', 'InProgress', 'PartnerResponded') OR c.due_at < now())
  AND (c.received_at, c.id) > (:'needs_deep_received_at'::timestamptz, :'needs_deep_id'::uuid)
ORDER BY c.received_at, c.id
LIMIT 51
