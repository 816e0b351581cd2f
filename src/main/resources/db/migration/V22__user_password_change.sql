-- Accounts administered from the console (issue 19): an account created or reset by an administrator carries a
-- temporary password that its user must replace at the next login before doing anything else.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
