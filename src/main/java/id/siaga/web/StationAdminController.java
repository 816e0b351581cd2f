package id.siaga.web;

import id.siaga.location.Jurisdictions;
import id.siaga.org.RolloutProgress;
import id.siaga.org.RolloutStatus;
import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.org.StationKind;
import id.siaga.org.StationNamesCsv;
import id.siaga.org.StationNaming;
import id.siaga.org.StationRenamed;
import id.siaga.org.StationStatusStore;
import id.siaga.org.StationTree;
import id.siaga.security.StationScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrators' view of the stations (issue 19): the rollout Polda by Polda, with the kab/kota outlines to draw it on
 * a map, and the names stations are known by, edited one by one or imported from a CSV file. An administrator sees the
 * counts of every Polda (the rollout of an emergency number is public), but the stations and their names only of her own
 * subtree, and changes only those.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
class StationAdminController {

    /** About a kilometre: outlines of all Indonesia's kab/kota in a few hundred kilobytes, still recognisable at a Polda's zoom. */
    static final double NATIONAL_SIMPLIFY_DEGREES = 0.01;

    private final StationDirectory stations;
    private final StationStatusStore statuses;
    private final StationNaming naming;
    private final StationScope scope;
    private final Jurisdictions jurisdictions;
    private final JsonMapper json;
    private volatile Areas areas;

    StationAdminController(StationDirectory stations, StationStatusStore statuses, StationNaming naming, StationScope scope,
                           Jurisdictions jurisdictions, JsonMapper json) {
        this.stations = stations;
        this.statuses = statuses;
        this.naming = naming;
        this.scope = scope;
        this.jurisdictions = jurisdictions;
        this.json = json;
    }

    /** A station in the rollout's list: its name, the name its files give it, and its status. */
    record RolloutStation(String id, String name, String referenceName, StationKind kind, String parent, RolloutStatus status) {
    }

    /**
     * One Polda: how many of its stations are in each status, when a status last changed, whether the caller administers it
     * ({@code editable}) and, if she does, its stations.
     */
    record PoldaRollout(String id, String name, int planned, int live, int suspended, int total, double shareLive, Instant lastChange,
                       boolean editable, List<RolloutStation> stations) {
    }

    record Rollout(String scope, List<PoldaRollout> poldas) {
    }

    @GetMapping("/rollout")
    Rollout rollout(Authentication auth) {
        StationTree tree = stations.tree();
        StationId home = StationScope.principal(auth).station();
        List<PoldaRollout> out = new ArrayList<>();
        for (RolloutProgress.PoldaProgress p : RolloutProgress.of(tree, statuses.changedAt())) {
            boolean editable = tree.isWithin(p.polda().id(), home);
            List<Station> visible = editable ? p.stations()
                    : p.stations().stream().filter(s -> tree.isWithin(s.id(), home)).toList(); // the Polres of a Polda's own administrator
            out.add(new PoldaRollout(p.polda().id().value(), p.polda().name(), p.counts().get(RolloutStatus.PLANNED), p.live(),
                    p.counts().get(RolloutStatus.SUSPENDED), p.total(), p.shareLive(), p.lastChange().orElse(null), editable || !visible.isEmpty(),
                    visible.stream().map(this::view).toList()));
        }
        return new Rollout(home.value(), out);
    }

    private RolloutStation view(Station s) {
        return new RolloutStation(s.id().value(), s.name(), stations.referenceName(s.id()), s.kind(), s.parent().map(StationId::value).orElse(null),
                s.status());
    }

    /**
     * GeoJSON of the areas the national map is drawn with: each Polda's stations one level below it (the kab/kota), or the
     * Polda's own area where it has none, simplified to about a kilometre; properties {@code station} and {@code polda}.
     * The same for every administrator (reference data) and cached: areas do not change while the service runs.
     */
    @GetMapping(path = "/rollout/areas", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> areas(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, defaultValue = "") String encodings) {
        Areas built = areas;
        if (built == null) {
            built = Areas.of(buildAreas());
            areas = built;
        }
        // the outlines of all Indonesia are a megabyte and a half of JSON, a third of that compressed
        boolean gzip = Arrays.stream(encodings.split(",")).map(e -> e.strip().split(";")[0]).anyMatch("gzip"::equalsIgnoreCase);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .varyBy(HttpHeaders.ACCEPT_ENCODING);
        return gzip ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(built.gzipped()) : answer.body(built.json());
    }

    /** The outlines as JSON, and the same compressed. */
    private record Areas(byte[] json, byte[] gzipped) {
        static Areas of(byte[] json) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 3);
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Areas(json, out.toByteArray());
        }
    }

    private byte[] buildAreas() {
        StationTree tree = stations.tree();
        List<Object> features = new ArrayList<>();
        for (Station polda : tree.all()) {
            if (polda.kind() != StationKind.POLDA) {
                continue;
            }
            List<StationId> parts = tree.children(polda.id()).stream().filter(id -> jurisdictions.areas().containsKey(id)).toList();
            for (StationId part : parts.isEmpty() ? List.of(polda.id()) : parts) {
                Geometry area = jurisdictions.areas().get(part);
                if (area == null) {
                    continue;
                }
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("properties", Map.of("station", part.value(), "polda", polda.id().value()));
                feature.put("geometry", Map.of("type", "MultiPolygon", "coordinates",
                        ConsoleController.multiPolygon(area, NATIONAL_SIMPLIFY_DEGREES, 1e2)));
                features.add(feature);
            }
        }
        return json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features)).getBytes(StandardCharsets.UTF_8);
    }

    record NameChange(@NotNull String name) {
    }

    /** A station as the name endpoints answer it: the station, and the name its files give it. */
    record NamedStation(StationView station, String referenceName) {
    }

    @PutMapping("/stations/{id}/name")
    NamedStation rename(@PathVariable String id, @Valid @RequestBody NameChange change, Authentication auth) {
        StationId sid = StationsController.existing(id, stations.tree());
        scope.requireVisible(auth, sid);
        naming.rename(sid, StationNamesCsv.name(change.name()), auth.getName());
        return named(sid);
    }

    /** The station is known again by the name its files give it. */
    @DeleteMapping("/stations/{id}/name")
    NamedStation restoreName(@PathVariable String id, Authentication auth) {
        StationId sid = StationsController.existing(id, stations.tree());
        scope.requireVisible(auth, sid);
        naming.restoreName(sid, auth.getName());
        return named(sid);
    }

    private NamedStation named(StationId sid) {
        return new NamedStation(StationView.of(stations.tree().get(sid)), stations.referenceName(sid));
    }

    record Renamed(String station, String from, String to) {
    }

    record NamesImported(int given, int changed, List<Renamed> renamed) {
    }

    /**
     * A names file ({@code id,name}, header line first): taken whole or not at all. A bad line answers 400 naming every bad
     * line; a station outside the caller's scope answers 403 naming its lines; either way nothing is changed.
     */
    @PostMapping(path = "/stations/names", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    NamesImported importNames(@RequestBody String csv, Authentication auth) {
        StationTree tree = stations.tree();
        List<StationNamesCsv.NameLine> lines = StationNamesCsv.read(new StringReader(csv), "names file", tree);
        List<StationNamesCsv.LineProblem> outside = lines.stream().filter(l -> !scope.canSee(auth, l.station()))
                .map(l -> new StationNamesCsv.LineProblem(l.line(), l.station() + " is outside your area")).toList();
        if (!outside.isEmpty()) {
            throw new NamesOutOfScopeException(outside);
        }
        Map<StationId, String> names = new LinkedHashMap<>();
        lines.forEach(l -> names.put(l.station(), l.name()));
        List<StationRenamed> renamed = naming.renameAll(names, auth.getName());
        return new NamesImported(lines.size(), renamed.size(), renamed.stream().map(r -> new Renamed(r.station().value(), r.from(), r.to())).toList());
    }

    /** Lines of a names file naming stations the caller does not administer. */
    static final class NamesOutOfScopeException extends RuntimeException {
        final transient List<StationNamesCsv.LineProblem> lines;

        NamesOutOfScopeException(List<StationNamesCsv.LineProblem> lines) {
            super(lines.size() + (lines.size() == 1 ? " line names a station" : " lines name stations") + " outside your area, nothing was changed");
            this.lines = lines;
        }
    }

    @ExceptionHandler(StationNamesCsv.InvalidNamesException.class)
    ProblemDetail badNames(StationNamesCsv.InvalidNamesException e) {
        return withLines(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()), e.problems());
    }

    @ExceptionHandler(NamesOutOfScopeException.class)
    ProblemDetail namesOutOfScope(NamesOutOfScopeException e) {
        return withLines(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage()), e.lines);
    }

    private static ProblemDetail withLines(ProblemDetail problem, List<StationNamesCsv.LineProblem> lines) {
        problem.setProperty("lines", lines.stream()
                .map(l -> Map.of("line", l.line(), "problem", Problems.safeDetail(problem.getStatus(), l.problem()))).toList());
        return problem;
    }
}
