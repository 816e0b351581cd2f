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
 * @param gateHangUpShare for the plan with the gate (issue 16): the share of held callers whose call was not a genuine
 *               emergency who hang up at "tekan 1" rather than reach an operator. 0.6 is an assumption (the simulator's q, not a measure (no
 *               published figure for a press-1 prompt before a police line); replace it with the station's own share
 *               once its gate has run (CallGated followed by an abandon, over CallGated). 0 to 1.
 */
@ConfigurationProperties("siaga.staffing")
public record StaffingProperties(@DefaultValue("30s") Duration wrapUp, @DefaultValue("0.6") double gateHangUpShare) {

    public StaffingProperties {
        if (!(gateHangUpShare >= 0 && gateHangUpShare <= 1)) {
            throw new IllegalArgumentException("siaga.staffing.gate-hang-up-share must be 0 to 1, got " + gateHangUpShare);
        }
        if (wrapUp == null || wrapUp.isNegative() || wrapUp.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("siaga.staffing.wrap-up must be 0 to 10 minutes, got " + wrapUp);
        }
    }
}
