package id.siaga.integration.eido;

import id.siaga.incident.IncidentId;
import id.siaga.org.StationId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifiers of NENA-STA-010 as an EIDO uses them. A Polres or Polda is an agency whose identifier is a domain
 * name under the police's own ({@code polres-3404.polri.go.id}); a person is {@code username@<their station's agency>};
 * the incident is {@code urn:emergency:uid:incidentid:<unique>:<agency that took it>}, a call
 * {@code urn:emergency:uid:callid:<unique>:<element>}, any other data component
 * {@code urn:emergency:uid:eidodatacomponent:<unique>:<agency that made it>}. The unique strings are our own ids with
 * everything but letters and digits left out (STA-021: "a unique string containing alpha and/or numeric characters"),
 * so the same incident, note or unit has the same identifier in every EIDO sent about it.
 */
public final class EidoIdentifiers {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,200}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final String agencyDomain;
    private final String elementId;

    /**
     * @param agencyDomain the domain the stations' agency identifiers are made under, e.g. {@code polri.go.id}
     * @param elementId    the identifier of this Siaga 110 installation as the functional element that issues EIDOs
     *                     and first handles calls, e.g. {@code siaga110.polri.go.id}
     */
    public EidoIdentifiers(String agencyDomain, String elementId) {
        this.agencyDomain = requireDomain("agency domain", agencyDomain);
        this.elementId = requireDomain("element id", elementId);
    }

    /** {@code value} in lower case, if it is a domain name of two labels or more; else a refusal naming {@code what}. */
    public static String requireDomain(String what, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(v).matches()) {
            throw new IllegalArgumentException(what + " must be a domain name such as polri.go.id, got '" + value + "'");
        }
        return v;
    }

    /** The functional element issuing EIDOs ({@code issuingElementIdentification}). */
    public String element() {
        return elementId;
    }

    /** A station as an agency: {@code POLRES-3404} → {@code polres-3404.polri.go.id}. */
    public String agency(StationId station) {
        String label = station.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return (label.isEmpty() ? "station" : label) + "." + agencyDomain;
    }

    /** A person (or a client system) acting for a station: {@code operator.sleman1@polres-3404.polri.go.id}. */
    public String agent(String username, StationId station) {
        return username.strip() + "@" + agency(station);
    }

    /** The incident tracking identifier, assigned by the agency that took the report. */
    public String incident(String incidentId, StationId takingStation) {
        return "urn:emergency:uid:incidentid:" + unique(incidentId) + ":" + agency(takingStation);
    }

    /**
     * The incident an EIDO subscriber names: its tracking identifier ({@code urn:emergency:uid:incidentid:<unique>:<agency>},
     * as {@link #incident} made it) or Siaga 110's own id; empty when it is neither.
     */
    public static java.util.Optional<IncidentId> incidentOf(String named) {
        String v = named == null ? "" : named.strip().toLowerCase(Locale.ROOT);
        String prefix = "urn:emergency:uid:incidentid:";
        if (v.startsWith(prefix)) {
            int end = v.indexOf(':', prefix.length());
            v = end < 0 ? v.substring(prefix.length()) : v.substring(prefix.length(), end);
        }
        String hex = v.replace("-", "");
        if (!hex.matches("[0-9a-f]{32}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new IncidentId(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20)));
    }

    /** A 110 call, identified by this element, which answered it. */
    public String call(String callId) {
        return "urn:emergency:uid:callid:" + unique(callId) + ":" + elementId;
    }

    /** Any other data component, made by {@code creator}. */
    public String component(String unique, StationId creator) {
        return "urn:emergency:uid:eidodatacomponent:" + unique(unique) + ":" + agency(creator);
    }

    /** Letters and digits only, lower case; never empty. */
    static String unique(String id) {
        String u = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (u.isEmpty()) {
            throw new IllegalArgumentException("an identifier needs letters or digits, got '" + id + "'");
        }
        return u;
    }
}
