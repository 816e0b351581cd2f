-- The registrar's bindings of the operators' phones (issue 17): shared by every node of a cluster, so a phone that
-- registers through one node is rung by any node. One row per position that ever registered (sip_aor: the SIP username,
-- its address-of-record) is what a REGISTER locks (SELECT ... FOR UPDATE) while it reads and replaces the position's
-- bindings, so two nodes handling REGISTERs for one position at once apply them one after the other. The row stays when
-- the bindings go (one per configured position at most): a position without bindings has nothing to lock otherwise.
CREATE TABLE sip_aor (
    aor VARCHAR(64) NOT NULL PRIMARY KEY
);

-- One row per binding (RFC 3261 §10.3): the contact a position can be rung at until expires_at, with the Call-ID and
-- CSeq of the REGISTER that last set it. seq keeps the registrar's order (oldest first). Lapsed rows stay until the
-- expiry sweep of one node removes them and takes the position offline, once for the whole cluster.
CREATE TABLE sip_binding (
    aor         VARCHAR(64)  NOT NULL REFERENCES sip_aor (aor),
    seq         INTEGER      NOT NULL,
    contact_uri VARCHAR      NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    call_id     VARCHAR      NOT NULL,
    cseq        BIGINT       NOT NULL,
    PRIMARY KEY (aor, seq)
);
CREATE INDEX sip_binding_expires ON sip_binding (expires_at);
