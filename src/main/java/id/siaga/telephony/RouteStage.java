package id.siaga.telephony;

import id.siaga.location.FixQuality;
import id.siaga.location.LocationFix;
import id.siaga.location.LocationFusion;
import id.siaga.location.Locator;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.telephony.event.CallAbandoned;
import id.siaga.telephony.event.CallRerouted;
import id.siaga.telephony.event.CallRouted;
import id.siaga.telephony.event.RoutingWaits;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route: the call goes to the jurisdiction of its best routable fix, else the station its fixed-line area code points
 * to, else the default station; the chain up to the root is what the ladder climbs. With only a cell or an area code,
 * it waits a moment for a better fix before any phone rings; a better fix that arrives while it still rings elsewhere
 * moves it.
 */
final class RouteStage implements CallStage {

    private static final Logger log = LoggerFactory.getLogger(RouteStage.class);

    /** A station chain and why; {@code on} is the fix it was decided on, null for an area code or the default. */
    record Route(List<Station> chain, String why, LocationFusion.Received on) {
    }

    private final Locator locator;
    private final StationDirectory stations;
    private final StationId defaultStation;
    private final LocationPolicy policy;

    RouteStage(Locator locator, StationDirectory stations, StationId defaultStation, LocationPolicy policy) {
        this.locator = locator;
        this.stations = stations;
        this.defaultStation = defaultStation;
        this.policy = policy;
    }

    @Override
    public Call handle(Call call, CallInput input, CallContext context, Actions out) {
        Instant now = context.now();
        if (input instanceof CallInput.Offer offer) {
            return offered(call, offer.cancelled(), now, out);
        }
        if (input instanceof CallInput.Wake && call.phase() == Call.Phase.ROUTING && call.ending() == null) {
            return call.ringNow(); // the short wait for a better fix is over: the call rings where its best location now points
        }
        if (input instanceof CallInput.Located located) {
            return located(call, located.received(), now, out);
        }
        return call;
    }

    private Call offered(Call call, boolean cancelled, Instant now, Actions out) {
        Route route = route(call, now);
        Station first = route.chain().get(0);
        log.info("routed call {} from {} to {} by {}, tier 0", call.id(), call.incoming().callerNumber(), first.name(), route.why());
        out.journal(new CallRouted(call.id(), first.id(), first.name(), route.why(), route.chain().stream().map(Station::id).toList()), "routing");
        out.publish("offered");
        if (cancelled) {
            Call ends = call.routedTo(route.chain(), route.on(), Call.Phase.ROUTING, null);
            return ends.ending(new Call.Ending(CallRecord.Outcome.ABANDONED, "caller", CallAbandoned.beforeOffer(call.id(), first.id()), "caller",
                    487, "Request Terminated", true));
        }
        out.add(new CallAction.Ringback());
        if (shouldWaitForFix(route)) {
            out.journal(new RoutingWaits(call.id(), policy.routeWait().toMillis() / 1000.0,
                    "only " + (route.on() == null ? "an area code or the default station" : "a cell") + " so far"), "routing");
            return call.routedTo(route.chain(), route.on(), Call.Phase.ROUTING, now.plus(policy.routeWait()));
        }
        return call.routedTo(route.chain(), route.on(), Call.Phase.RINGING, null);
    }

    /** A later fix joined the call; when it is better and the call still rings elsewhere, the call moves. */
    private Call located(Call call, LocationFusion.Received r, Instant now, Actions out) {
        if (!call.unanswered() || call.ending() != null || !policy.fusion().routable(r, now) || !policy.reroute()
                || !policy.fusion().improves(r, Optional.ofNullable(call.routedOn()), now)) {
            out.publish("located");
            return call;
        }
        Route route = routeOn(r, now);
        StationId from = call.responsible();
        Station to = route.chain().get(0);
        if (to.id().equals(from)) {
            out.publish("located");
            return call.withRoutedOn(r);
        }
        LocationFix fix = r.fix();
        String why = "re-routed by " + fix.source().name() + " from " + stations.tree().get(from).name() + " to " + to.name();
        log.info("call {} {}", call.id(), why);
        out.journal(new CallRerouted(call.id(), from, to.id(), why, fix.source(), route.chain().stream().map(Station::id).toList()), "routing");
        out.publish("rerouted");
        if (call.phase() == Call.Phase.GATED) {
            return call.routedTo(route.chain(), r, Call.Phase.GATED, null); // its caller still hears the gate's prompt: rung where it now points after
        }
        return call.phase() == Call.Phase.ROUTING
                ? call.routedTo(route.chain(), r, Call.Phase.ROUTING, call.fixWaitUntil())
                : call.routedTo(route.chain(), r, Call.Phase.RINGING, null); // the ring stage stops the old phones and starts here
    }

    private boolean shouldWaitForFix(Route route) {
        return !policy.routeWait().isZero() && (route.on() == null || route.on().quality().compareTo(FixQuality.CELL) >= 0);
    }

    /**
     * The jurisdiction of the best routable fix (its sender allows routing on it, no older than
     * {@code siaga.location.max-age}), else the area code's station, else the default station.
     */
    Route route(Call call, Instant now) {
        List<LocationFusion.Received> routable = call.locations().stream().filter(r -> policy.fusion().routable(r, now)).toList();
        Optional<LocationFusion.Received> best = policy.fusion().best(routable, now);
        if (best.isPresent()) {
            return routeOn(best.get(), now);
        }
        String tooOld = call.locations().stream().filter(r -> r.routable() && !policy.fusion().routable(r, now)).findFirst()
                .map(r -> r.fix().source().name() + " measured " + ago(r.age(now)) + " ago, older than " + ago(policy.fusion().maxAge())
                        + ", not routed on").orElse(null);
        Optional<StationId> areaCode = call.incoming().areaCode();
        if (areaCode.isPresent() && stations.tree().contains(areaCode.get())) {
            return new Route(stations.tree().chainToRoot(areaCode.get()), "fixed-line area code" + (tooOld == null ? "" : " (" + tooOld + ")"), null);
        }
        String why = call.locations().isEmpty() ? "no location: default station"
                : tooOld != null ? tooOld + ": default station" : "no location usable for routing: default station";
        return new Route(stations.tree().chainToRoot(defaultStation), why, null);
    }

    private Route routeOn(LocationFusion.Received on, Instant now) {
        LocationFix p = on.fix();
        Locator.Located l = locator.locate(p.latitude(), p.longitude());
        // a stale fix routes only a call with nothing fresher; the reason says how old it is
        String stale = policy.fusion().isFresh(on, now) ? "" : "measured " + ago(on.age(now)) + " ago: stale";
        String source = p.source().name();
        String why = switch (l.match().decision()) {
            case INSIDE -> source + details(p.hasUncertainty() ? String.format(Locale.ROOT, "±%.0f m", p.uncertaintyMeters()) : "", stale)
                    + ", inside the jurisdiction";
            case NEAREST -> source + details(stale) + String.format(Locale.ROOT, ", nearest jurisdiction %.0f m away", l.match().distanceMeters());
            case FALLBACK -> source + details(stale) + ", in no jurisdiction: the root takes it";
        };
        return new Route(l.chain(), why, on);
    }

    /** " (a, b)" of the non-empty ones, nothing when all are empty. */
    private static String details(String... parts) {
        String joined = String.join(", ", java.util.Arrays.stream(parts).filter(d -> !d.isEmpty()).toList());
        return joined.isEmpty() ? "" : " (" + joined + ")";
    }

    /** An age as people say it: {@code 45 s}, {@code 12 min}, {@code 3 h 20 min}, {@code 4 d 14 h}. */
    static String ago(java.time.Duration age) {
        long s = age.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }
}
