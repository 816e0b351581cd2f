package id.siaga.web;

import id.siaga.location.LocateDecision;
import id.siaga.location.Locator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which station answers for a point, and why. Open to every logged-in user: geography is not a secret. */
@RestController
class LocateController {

    private final Locator locator;

    LocateController(Locator locator) {
        this.locator = locator;
    }

    record LocateView(double lat, double lon, LocateDecision decision, String explanation, Double distanceMeters,
                      StationView station, List<StationView> chain) {
    }

    @GetMapping("/api/locate")
    LocateView locate(@RequestParam double lat, @RequestParam double lon) {
        Locator.Located l = locator.locate(lat, lon);
        StationView station = StationView.of(l.chain().get(0));
        String explanation = switch (l.match().decision()) {
            case INSIDE -> "inside the jurisdiction of " + station.name();
            case NEAREST -> String.format(java.util.Locale.ROOT, "in no jurisdiction; nearest is %s, %.0f m away (within %.0f m)",
                    station.name(), l.match().distanceMeters(), locator.nearestWithinMeters());
            case FALLBACK -> String.format(java.util.Locale.ROOT, "in no jurisdiction and none within %.0f m: %s answers",
                    locator.nearestWithinMeters(), station.name());
        };
        Double distance = l.match().decision() == LocateDecision.FALLBACK ? null : l.match().distanceMeters();
        return new LocateView(lat, lon, l.match().decision(), explanation, distance, station,
                l.chain().stream().map(StationView::of).toList());
    }
}
