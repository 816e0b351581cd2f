package id.siaga.tracking;

import java.util.Optional;

/**
 * Which devices and units tracking accepts positions for: a position from a device nobody registered is
 * refused (OsmAnd: HTTP 400), as Traccar does. Implemented by the unit registry (dispatch), wired by the app.
 */
public interface DeviceDirectory {

    /** The unit that carries this device (OsmAnd {@code id}/{@code deviceid}). */
    Optional<String> unitOfDevice(String deviceId);

    /** Whether a unit with this id exists (the MQTT topic names the unit, not the device). */
    boolean isUnit(String unitId);
}
