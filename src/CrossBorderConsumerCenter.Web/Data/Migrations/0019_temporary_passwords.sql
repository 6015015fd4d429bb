-- A password issued by the portal (a new account, a reissued password, the first admin created on the command line) is
-- temporary: until its owner chooses their own, only the password page and sign-out are reachable. Accounts that exist
-- already keep the password they have.
ALTER TABLE users ADD must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ALTER must_change_password DROP DEFAULT;
