package id.siaga.integration;

import id.siaga.incident.IncidentCreated;
import id.siaga.incident.IncidentEvent;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the citizen's status link when an incident with a caller number opens, keeps it, and hands it to the
 * SMS gateway (when one is configured). Nothing here may hold up or fail the incident's creation: a store or
 * gateway failure is logged and reported, the incident stands.
 */
public final class CitizenStatusLinks implements Consumer<IncidentEvent> {

    private static final Logger log = LoggerFactory.getLogger(CitizenStatusLinks.class);

    /** Told when a link is issued, and when issuing one failed. */
    public interface Issued {
        void issued(StatusLink link, boolean smsQueued);

        void failed(IncidentCreated created, String reason);
    }

    private final StatusLinkStore store;
    private final String baseUrl;
    private final Optional<SmsWebhook> sms;
    private final Issued issued;

    /**
     * @param baseUrl the public address the page is served at, without a trailing slash; links are
     *                {@code baseUrl/status/TOKEN}
     */
    public CitizenStatusLinks(StatusLinkStore store, String baseUrl, Optional<SmsWebhook> sms, Issued issued) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.sms = sms;
        this.issued = issued;
    }

    /** The address of the link's page (only a link just issued has its token). */
    public String address(StatusLink.Issued link) {
        return baseUrl + "/status/" + link.token();
    }

    @Override
    public void accept(IncidentEvent event) {
        if (!(event instanceof IncidentCreated created)) {
            return;
        }
        Optional<String> caller = created.incident().callerNumber().filter(n -> !n.isBlank());
        if (caller.isEmpty()) {
            return;
        }
        try {
            StatusLink.Issued fresh = StatusLink.issue(created.incident().id(), created.at());
            store.save(fresh.link());
            String address = address(fresh);
            sms.ifPresent(webhook -> webhook.send(new SmsMessage(caller.get(),
                    "Polri 110: laporan Anda sudah kami terima. Pantau perkembangannya di " + address, address, fresh.link().incident())));
            issued.issued(fresh.link(), sms.isPresent());
        } catch (RuntimeException e) {
            log.warn("status link for incident {} could not be issued", created.incident().id(), e);
            issued.failed(created, String.valueOf(e.getMessage()));
        }
    }
}
