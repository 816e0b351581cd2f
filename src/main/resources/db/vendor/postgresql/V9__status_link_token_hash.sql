-- Status links keep only the SHA-256 of each token (64 lowercase hex digits): the token itself lives only in the
-- citizen's SMS and link, so a copy of the database opens no report's page. Existing rows are converted in place.
-- The H2 twin is db/vendor/h2/V9__status_link_token_hash.sql (only the hash function differs).
ALTER TABLE status_link ADD COLUMN token_hash VARCHAR(64);
UPDATE status_link SET token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
ALTER TABLE status_link DROP CONSTRAINT status_link_pkey;
ALTER TABLE status_link DROP COLUMN token;
ALTER TABLE status_link ALTER COLUMN token_hash SET NOT NULL;
ALTER TABLE status_link ADD CONSTRAINT status_link_pkey PRIMARY KEY (token_hash);
