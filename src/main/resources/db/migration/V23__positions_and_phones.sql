-- Operator positions and their phones, managed from the administration console (issue 19). The operators and phones
-- files seed these tables on the first start that finds them empty; from then on the database is what counts.
-- username: the login seated at the position now (one position per login), NULL when nobody is. A disabled position
-- is kept (the journal and call records name it) but never rung.
CREATE TABLE operator_position (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    station_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    username    VARCHAR(200) UNIQUE,
    enabled     BOOLEAN      NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    changed_by  VARCHAR(200) NOT NULL
);
CREATE INDEX operator_position_station ON operator_position (station_id);

-- A position's phone: it REGISTERs as sip_user with digest (only HA1 = MD5(sip_user:realm:password) is kept, never the
-- password), or it is rung at a static contact. Exactly one of the two.
CREATE TABLE position_phone (
    position_id VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES operator_position (id),
    sip_user    VARCHAR(64)  UNIQUE,
    ha1         VARCHAR(32),
    contact     VARCHAR(2000),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    CHECK ((sip_user IS NOT NULL AND ha1 IS NOT NULL AND contact IS NULL) OR (sip_user IS NULL AND ha1 IS NULL AND contact IS NOT NULL))
);

-- Until when each address-of-record was last bound, kept after its bindings are gone: "expired" and "never registered"
-- differ on the console.
ALTER TABLE sip_aor ADD COLUMN bound_until TIMESTAMP(6) WITH TIME ZONE;
