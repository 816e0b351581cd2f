package id.siaga.dispatch;

import id.siaga.org.StationId;
import id.siaga.tracking.DeviceDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registered field units, by id and by the devices they carry. Immutable; tracking asks it who a device is. */
public final class UnitRoster implements DeviceDirectory {

    private final Map<String, Unit> byId;
    private final Map<String, Unit> byDevice;

    public UnitRoster(Collection<Unit> units) {
        List<Unit> checked = checked(units);
        Map<String, Unit> ids = new LinkedHashMap<>();
        Map<String, Unit> devices = new HashMap<>();
        for (Unit u : checked) {
            ids.put(u.id(), u);
            u.devices().forEach(d -> devices.put(d, u));
        }
        // in file order: the unit board lists units as the station registered them
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.byDevice = Map.copyOf(devices);
    }

    /** The units unchanged, or an exception naming the first duplicate unit id or device. */
    static List<Unit> checked(Collection<Unit> units) {
        Map<String, Unit> ids = new HashMap<>();
        Map<String, Unit> devices = new HashMap<>();
        for (Unit u : units) {
            if (ids.putIfAbsent(u.id(), u) != null) {
                throw new IllegalArgumentException("unit " + u.id() + " is listed twice");
            }
            for (String d : u.devices()) {
                Unit other = devices.putIfAbsent(d, u);
                if (other != null) {
                    throw new IllegalArgumentException("device " + d + " is carried by both " + other.id() + " and " + u.id());
                }
            }
        }
        return List.copyOf(units);
    }

    public Optional<Unit> find(String unitId) {
        return Optional.ofNullable(byId.get(unitId));
    }

    public Collection<Unit> all() {
        return byId.values();
    }

    public List<Unit> atStation(StationId station) {
        return byId.values().stream().filter(u -> u.station().equals(station)).toList();
    }

    public int size() {
        return byId.size();
    }

    @Override
    public Optional<String> unitOfDevice(String deviceId) {
        Unit u = byDevice.get(deviceId);
        return u == null ? Optional.empty() : Optional.of(u.id());
    }

    @Override
    public boolean isUnit(String unitId) {
        return byId.containsKey(unitId);
    }
}
