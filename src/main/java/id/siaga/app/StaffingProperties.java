package id.siaga.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staffing planner (supervisors' {@code /supervisor/staffing.html}, {@code GET /api/staffing}).
 *
 * @param wrapUp what each answered call costs an operator after it ends, on top of the talk time the call records
 *               hold: the report's last fields, the notes, the way back to READY. 30 s, the usual figure of contact
 *               centre planning, until the operator console measures it (its READY after a call is journalled).
 *               Production: the station's measured after-call work; 0 to 10 minutes.
 */
@ConfigurationProperties("siaga.staffing")
public record StaffingProperties(@DefaultValue("30s") Duration wrapUp) {

    public StaffingProperties {
        if (wrapUp == null || wrapUp.isNegative() || wrapUp.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("siaga.staffing.wrap-up must be 0 to 10 minutes, got " + wrapUp);
        }
    }
}
