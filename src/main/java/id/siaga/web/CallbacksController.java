package id.siaga.web;

import id.siaga.org.Station;
import id.siaga.org.StationDirectory;
import id.siaga.org.StationId;
import id.siaga.security.StationScope;
import id.siaga.telephony.CallbackTask;
import id.siaga.telephony.CallbackTasks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call-back tasks of the stations in the caller's scope: somebody must ring back a caller who hung up before
 * an answer or was cut off. An operator claims a task ("I am calling them"), then closes it with what came
 * of it. Claiming a task that is not open, or closing a closed one, is 409. {@link CallbackTasks} journals
 * each step under the call.
 */
@RestController
@RequestMapping("/api/callbacks")
@PreAuthorize("hasAnyRole('OPERATOR', 'DISPATCHER', 'SUPERVISOR', 'ADMIN')")
class CallbacksController {

    private final CallbackTasks callbacks;
    private final StationDirectory stations;
    private final StationScope scope;

    private final LocationReads locationReads;

    CallbacksController(CallbackTasks callbacks, StationDirectory stations, StationScope scope, LocationReads locationReads) {
        this.locationReads = locationReads;
        this.callbacks = callbacks;
        this.stations = stations;
        this.scope = scope;
    }

    record TaskView(String id, String call, String callerNumber, String station, Double latitude, Double longitude, Instant createdAt,
                    CallbackTask.Status status, String claimedBy, Instant claimedAt, String closedBy, Instant closedAt, String outcome) {
        static TaskView of(CallbackTask t) {
            return new TaskView(t.id(), t.call().value(), t.callerNumber(), t.station().value(), t.latitude(), t.longitude(), t.createdAt(),
                    t.status(), t.claimedBy(), t.claimedAt(), t.closedBy(), t.closedAt(), t.outcome());
        }
    }

    record Closing(@NotBlank @Size(max = 500) String outcome) {
    }

    /** Open and claimed tasks (closed ones too when asked), newest first. */
    @GetMapping
    List<TaskView> list(@RequestParam(defaultValue = "false") boolean includeClosed, @RequestParam(defaultValue = "100") int limit,
                        Authentication auth) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        List<StationId> inScope = stations.tree().subtree(StationScope.principal(auth).station()).stream().map(Station::id).toList();
        List<TaskView> tasks = callbacks.store().atStations(inScope, includeClosed, limit).stream().map(TaskView::of).toList();
        locationReads.read(auth, tasks.stream().filter(t -> t.latitude() != null).map(TaskView::call).toList(), "GET /api/callbacks");
        return tasks;
    }

    @PostMapping("/{id}/claim")
    TaskView claim(@PathVariable String id, Authentication auth) {
        scope.requireVisible(auth, callbacks.existing(id).station());
        return TaskView.of(callbacks.claim(id, auth.getName()));
    }

    @PostMapping("/{id}/close")
    TaskView close(@PathVariable String id, @Valid @RequestBody Closing closing, Authentication auth) {
        scope.requireVisible(auth, callbacks.existing(id).station());
        return TaskView.of(callbacks.close(id, auth.getName(), closing.outcome()));
    }
}
