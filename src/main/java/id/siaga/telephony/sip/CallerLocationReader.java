package id.siaga.telephony.sip;

import id.siaga.location.LocationFix;
import id.siaga.org.StationId;
import java.util.List;

/**
 * Reads where the caller is out of an INVITE: PIDF-LO by value (Geolocation header and body), the serving
 * cell (P-Access-Network-Info), a fixed-line caller's area code.
 */
@FunctionalInterface
public interface CallerLocationReader {

    /** The parts of an INVITE that can say where the caller is; any may be null. */
    record Invite(String geolocation, String geolocationRouting, String contentType, byte[] body, String accessNetworkInfo,
                  String callerNumber) {
    }

    /**
     * Fixes routing may use, fixes only to be shown ({@code Geolocation-Routing: no}), why a location that was
     * present could not be used (null if none), the station of a fixed-line area code (null if none), and the
     * location URIs the INVITE gave by reference, to be fetched while the call rings.
     */
    record Result(List<LocationFix> routable, List<LocationFix> displayOnly, String problem, StationId areaCodeStation,
                  List<String> references, boolean referencesRoutable) {

        public Result {
            routable = List.copyOf(routable);
            displayOnly = List.copyOf(displayOnly);
            references = List.copyOf(references);
        }
    }

    Result read(Invite invite);
}
