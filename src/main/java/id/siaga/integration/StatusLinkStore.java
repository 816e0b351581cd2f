package id.siaga.integration;

import id.siaga.incident.IncidentId;
import java.util.Optional;

/** Where status links are kept (JDBC in {@code id.siaga.store}). */
public interface StatusLinkStore {

    /** Keeps the link: its token's hash, never the token. */
    void save(StatusLink link);

    /** The link whose token this is: the presented token is hashed and the hash looked up. */
    Optional<StatusLink> find(String token);

    /** The incident's link, if one was issued. */
    Optional<StatusLink> ofIncident(IncidentId incident);
}
