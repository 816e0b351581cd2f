package id.siaga.telephony.sip;

import id.siaga.location.AccessNetworkInfoParser;
import id.siaga.location.AreaCodeMatch;
import id.siaga.location.AreaCodeTable;
import id.siaga.location.CellIdentityResult;
import id.siaga.location.CellTable;
import id.siaga.location.LocationFix;
import id.siaga.location.MncLengths;
import id.siaga.location.PidfLoParser;
import id.siaga.location.PidfLoResult;
import id.siaga.org.StationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything an INVITE says about where the caller is, each source on its own: PIDF-LO by value (routed on
 * unless {@code Geolocation-Routing: no}), the serving cell from {@code P-Access-Network-Info} through the
 * cell table, and a fixed-line caller's area code through the area-code table. The call pipeline fuses
 * them; nothing here throws on what a caller's network sent.
 */
public final class InviteLocations implements CallerLocationReader {

    private final CellTable cells;
    private final MncLengths mncLengths;
    private final AreaCodeTable areaCodes;

    public InviteLocations(CellTable cells, MncLengths mncLengths, AreaCodeTable areaCodes) {
        this.cells = cells;
        this.mncLengths = mncLengths;
        this.areaCodes = areaCodes;
    }

    @Override
    public Result read(Invite invite) {
        List<LocationFix> routable = new ArrayList<>();
        List<LocationFix> displayOnly = new ArrayList<>();
        List<String> problems = new ArrayList<>();

        PidfLoResult pidf = PidfLoParser.fromInvite(invite.geolocation(), invite.contentType(), invite.body());
        boolean mayRoute = invite.geolocationRouting() == null || !invite.geolocationRouting().trim().toLowerCase(Locale.ROOT).startsWith("no");
        if (pidf.located()) {
            (mayRoute ? routable : displayOnly).add(pidf.fix().orElseThrow());
        } else if (invite.geolocation() != null && pidf.references().isEmpty()) {
            problems.add(pidf.problem());
        }

        if (invite.accessNetworkInfo() != null) {
            CellIdentityResult cell = AccessNetworkInfoParser.parse(invite.accessNetworkInfo(), mncLengths);
            if (cell.found()) {
                cells.locate(cell.cell().orElseThrow()).ifPresentOrElse(routable::add,
                        () -> problems.add("cell " + cell.cell().orElseThrow() + " is not in the cell table"));
            } else {
                problems.add("P-Access-Network-Info unusable: " + cell.problem());
            }
        }

        StationId areaCode = null;
        if (invite.callerNumber() != null) {
            areaCode = areaCodes.lookup(invite.callerNumber()).map(AreaCodeMatch::station).orElse(null);
        }
        return new Result(routable, displayOnly, problems.isEmpty() ? null : String.join("; ", problems), areaCode, pidf.references(), mayRoute);
    }
}
