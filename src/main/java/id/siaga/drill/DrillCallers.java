package id.siaga.drill;

import id.siaga.org.Station;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The drill's citizens: each dials 110 from a random point inside one of the Polres jurisdictions (GPS-grade
 * PIDF-LO, 10-50 m), talks 15-60 s once answered, and a share of them give up while it rings.
 */
public final class DrillCallers {

    private record Area(StationId station, PreparedGeometry shape, Envelope box) {
    }

    private final DrillSipAgent sip;
    private final List<Area> areas = new ArrayList<>();
    private final GeometryFactory geometry = new GeometryFactory();

    DrillCallers(DrillSipAgent sip, List<Station> stations, Map<StationId, Geometry> jurisdictions) {
        this.sip = sip;
        for (Station s : stations) {
            Geometry g = jurisdictions.get(s.id());
            if (g != null && (s.kind() == StationKind.POLRES || s.kind() == StationKind.POLSEK)) {
                areas.add(new Area(s.id(), PreparedGeometryFactory.prepare(g), g.getEnvelopeInternal()));
            }
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("the drill needs at least one Polres or Polsek jurisdiction to place callers in");
        }
    }

    void dialOne(Random random, double giveUpShare) throws Exception {
        Area area = areas.get(random.nextInt(areas.size()));
        Coordinate point;
        do {
            Envelope b = area.box();
            point = new Coordinate(b.getMinX() + random.nextDouble() * b.getWidth(), b.getMinY() + random.nextDouble() * b.getHeight());
        } while (!area.shape().contains(geometry.createPoint(point)));
        String number = "+62812" + String.format("%08d", random.nextInt(100_000_000));
        Optional<Duration> giveUp = random.nextDouble() < giveUpShare ? Optional.of(Duration.ofSeconds(4 + random.nextInt(12))) : Optional.empty();
        sip.dial(number, point.y, point.x, 10 + random.nextInt(40), Duration.ofSeconds(15 + random.nextInt(45)), giveUp);
    }
}
