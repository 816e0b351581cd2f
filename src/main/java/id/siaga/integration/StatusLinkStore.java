package id.siaga.integration;

import id.siaga.incident.IncidentId;
import java.util.Optional;

/** Where status links are kept (JDBC in {@code id.siaga.store}). */
public interface StatusLinkStore {

    void save(StatusLink link);

    Optional<StatusLink> find(String token);

    /** The incident's link, if one was issued. */
    Optional<StatusLink> ofIncident(IncidentId incident);
}
