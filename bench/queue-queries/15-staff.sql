-- Every page: the back office's staff (the assignee names and the assignee filter).
SELECT u.id, u.display_name, u.is_disabled
FROM users AS u
WHERE u.id = ANY ('{}'::uuid[]) OR EXISTS (
    SELECT 1
    FROM user_roles AS u0
    WHERE u0.user_id = u.id AND u0.role_id = ANY (ARRAY(SELECT r.id FROM roles AS r WHERE r.name IN ('Staff', 'Supervisor', 'Admin'))))
ORDER BY u.display_name
