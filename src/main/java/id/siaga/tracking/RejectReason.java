package id.siaga.tracking;

/** Why a reported position was refused. Every refusal is journalled (throttled per device and reason). */
public enum RejectReason {
    /** Not a position: a missing or unreadable field, wrong JSON types, an unknown timestamp format. */
    MALFORMED,
    /** The device id is in nobody's register (OsmAnd: HTTP 400, as Traccar). */
    UNKNOWN_DEVICE,
    /** The MQTT topic names a unit that does not exist. */
    UNKNOWN_UNIT,
    /** The device named in an MQTT payload belongs to another unit than the topic's. */
    DEVICE_OF_ANOTHER_UNIT,
    /** Latitude or longitude not a finite number in range. */
    INVALID_COORDINATES,
    /** Measured more than the tolerance into the future: a device clock that is wrong. */
    FUTURE_TIME,
    /**
     * Measured longer ago than the track history keeps: a device clock never set (a 1970 fix from timestamp 0), or a
     * timestamp in seconds so far ahead that it reads as milliseconds of 1970.
     */
    TOO_OLD,
    /** Further from the unit's last accepted fix than any police vehicle drives in the time between them. */
    IMPOSSIBLE_SPEED
}
