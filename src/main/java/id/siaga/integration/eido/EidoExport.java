package id.siaga.integration.eido;

import id.siaga.dispatch.Assignment;
import id.siaga.dispatch.DispatchDesk;
import id.siaga.incident.Incident;
import id.siaga.incident.Incidents;
import id.siaga.org.StationId;
import id.siaga.org.StationTree;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports an incident as an EIDO: reads its assignments and the units sent from dispatch, the stations' names from
 * the tree, who each person is from {@code staff}, and writes the document ({@link EidoDocument}). The caller has
 * already decided that the reader may see the incident.
 */
public final class EidoExport {

    /** Who a username is: the station they work for, and whether they dispatch (else they take calls and reports). */
    public record Staff(StationId station, boolean dispatcher) {
        public Staff {
            Objects.requireNonNull(station, "station");
        }
    }

    private final EidoIdentifiers ids;
    private final Incidents incidents;
    private final DispatchDesk desk;
    private final Supplier<StationTree> stations;
    private final Function<String, Optional<Staff>> staff;

    public EidoExport(EidoIdentifiers ids, Incidents incidents, DispatchDesk desk, Supplier<StationTree> stations,
                      Function<String, Optional<Staff>> staff) {
        this.ids = ids;
        this.incidents = incidents;
        this.desk = desk;
        this.stations = stations;
        this.staff = staff;
    }

    /** The EIDO of the incident as it stands now; {@code call} is the 110 call it came from, when it did. */
    public ObjectNode export(Incident incident, Optional<EidoCall> call) {
        List<Assignment> assignments = desk.assignments(incident.id());
        return new EidoDocument(ids, stations.get(), staff, desk::unitView, incidents::find).write(incident, assignments, call);
    }
}
