package id.siaga.tracking;

/** Which door a position came in through. */
public enum PositionSource {
    /** OsmAnd/Traccar HTTP query form, one position per request (port 5055). */
    OSMAND_HTTP,
    /** The JSON batch form, for phones that buffered positions while out of coverage. */
    JSON_BATCH,
    /** MQTT {@code siaga/units/{unit}/position}. */
    MQTT,
    /** The officer app's browser geolocation. */
    OFFICER_APP
}
