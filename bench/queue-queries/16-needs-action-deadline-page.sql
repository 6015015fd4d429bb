-- The default view (needs action) sorted by the consumer's nearest deadline (cases without one last), first page.
SELECT c.id, c.number, c.received_at, c.status, c.priority, c.category, c.business_name, c.business_country_code, c.consumer_name, c.assigned_to_id, c.due_at, c.last_activity_at, c.status_order, c.priority_order, c.due_order, c.earliest_rights_deadline, c.deadline_order, c.filed_by_center_id IS NOT NULL
FROM cases AS c
WHERE c.status IN ('Received', 'InProgress', 'WaitingForConsumer', 'Forwarded', 'PartnerResponded') AND (c.status IN ('Received', 'InProgress', 'PartnerResponded') OR c.due_at < now())
ORDER BY c.deadline_order, c.id
LIMIT 51
