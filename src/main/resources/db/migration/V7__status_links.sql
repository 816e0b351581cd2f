-- The citizen's status links: one unguessable token (128 random bits, base64url) per incident with a caller
-- number, opening a public page of the report's progress. Only the token and the incident are kept: the
-- caller's number stays with the incident.
CREATE TABLE status_link (
    token       VARCHAR(64) NOT NULL PRIMARY KEY,
    incident_id VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX status_link_incident ON status_link (incident_id);
