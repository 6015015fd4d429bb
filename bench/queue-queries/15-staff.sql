-- Every page: the back office's staff (the assignee names and the assignee filter), the roles joined.
SELECT u.id, u.display_name, u.is_disabled
FROM users AS u
WHERE u.id = ANY ('{}'::uuid[]) OR EXISTS (
    SELECT 1
    FROM user_roles AS u0
    WHERE u0.user_id = u.id AND EXISTS (SELECT 1 FROM roles AS r WHERE r.id = u0.role_id AND r.name IN ('Staff', 'Supervisor', 'Admin')))
ORDER BY u.display_name
