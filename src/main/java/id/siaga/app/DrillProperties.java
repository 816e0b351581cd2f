package id.siaga.app;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drill mode ("latihan"): simulated callers, operators, dispatchers and units on the real system. Never on in
 * production; on for a demonstration or a station's training.
 *
 * @param enabled        run the drill (off by default; the {@code drill} profile, or {@code --siaga.drill.enabled=true} with
 *                       {@code databaseUrl})
 * @param sipAddress     where the drill's user agent (callers and operators' phones) binds
 * @param sipPort        its port; 5070 keeps clear of the edge's 5060
 * @param callsPerMinute mean rate of simulated 110 calls (Poisson arrivals); 4 keeps a five-Polres demo busy but
 *                       readable
 * @param medianAnswer   median time a simulated operator takes to pick up (log-normal spread around it)
 * @param letRingShare   share of rings a simulated operator lets go unanswered, so calls climb the ladder
 * @param giveUpShare    share of simulated callers who hang up while it rings (call-back tasks appear)
 * @param phonePassword  the operators' phones' SIP password (digest); the demo phones' is {@code siaga110}
 * @param humanPositions operator positions left to people at the consoles: their phones still answer (so the
 *                       console pops the call), but the report is theirs to write
 * @param humanUnits     units left to officers with the app: the drill neither acknowledges nor drives them
 * @param pace           how much quicker than life the simulated people act (writing the report, dispatching,
 *                       acknowledging, clearing the scene); 1 for a realistic demo, more for a quick test
 * @param databaseUrl    the database the drill owns: the drill runs only when {@code spring.datasource.url} is exactly
 *                       this URL, and empties it (H2: all its objects; PostgreSQL: its {@code public} schema) before the migrations at every drill start, so a drill
 *                       begins on the demo as shipped and its simulated incidents, unit states, assignments, journal
 *                       and call-back tasks never reach the database of a normal start. The {@code drill} profile sets
 *                       it, and the datasource, to an H2 file of its own ({@code ./data/drill/siaga110};
 *                       {@code SIAGA_DRILL_DIR} moves it with the drill's spools and recordings). Empty (the default
 *                       without the profile): the drill refuses to start. Never a production database's URL.
 */
@ConfigurationProperties("siaga.drill")
public record DrillProperties(@DefaultValue("false") boolean enabled, @DefaultValue("127.0.0.1") String sipAddress,
                              @DefaultValue("5070") int sipPort, @DefaultValue("4") double callsPerMinute,
                              @DefaultValue("5s") Duration medianAnswer, @DefaultValue("0.15") double letRingShare,
                              @DefaultValue("0.1") double giveUpShare, @DefaultValue("siaga110") String phonePassword,
                              @DefaultValue("") Set<String> humanPositions, @DefaultValue("") Set<String> humanUnits,
                              @DefaultValue("1") double pace, @DefaultValue("") String databaseUrl) {

    public DrillProperties {
        if (!(callsPerMinute > 0 && callsPerMinute <= 600)) {
            throw new IllegalArgumentException("siaga.drill.calls-per-minute must be within 0..600, got " + callsPerMinute);
        }
        if (!(letRingShare >= 0 && letRingShare < 1) || !(giveUpShare >= 0 && giveUpShare < 1)) {
            throw new IllegalArgumentException("siaga.drill.let-ring-share and give-up-share must be within 0..1");
        }
        if (!(pace >= 0.1 && pace <= 100)) {
            throw new IllegalArgumentException("siaga.drill.pace must be within 0.1..100, got " + pace);
        }
        if (medianAnswer == null || medianAnswer.isNegative() || medianAnswer.isZero()) {
            throw new IllegalArgumentException("siaga.drill.median-answer must be positive");
        }
        humanPositions = humanPositions == null ? Set.of() : Set.copyOf(humanPositions);
        humanUnits = humanUnits == null ? Set.of() : Set.copyOf(humanUnits);
    }
}
