package id.siaga.telephony;

import static id.siaga.telephony.CallPathFixture.GPS_IN_SLEMAN;
import static id.siaga.telephony.CallPathFixture.SLEMAN;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.org.OperatorId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node of a cluster, its calls' phones claimed through {@link PhoneClaims} (here a table in memory standing for the
 * other node): a phone the other node rings is not rung here; when the other node lets it go, a waiting call is offered
 * to it; a claim lost in a race is a leg that failed at once and the ladder goes on; the claims follow the phones this
 * node rings, step by step, and are given up once the call is answered.
 */
class PhoneClaimsScenarioTests {

    @TempDir
    Path dir;
    CallPathFixture region;
    final OtherNode other = new OtherNode();

    @AfterEach
    void close() {
        if (region != null) {
            region.close();
        }
    }

    @Test
    void aPhoneTheOtherNodeRingsIsNotRungHereAndIsOfferedTheWaitingCallOnceFreed() {
        region = CallPathFixture.start(dir);
        region.calls.claimPhonesWith(other);
        other.ringing.add(op("OP-3404-1"));
        region.ready("OP-3404-1");

        CallId call = region.dials("call-1", "+6281200000011", GPS_IN_SLEMAN);
        assertThat(region.rang(call)).as("Sleman's only READY phone rings for a call of the other node").isEmpty();
        assertThat(region.payload(call, "CallQueued")).containsEntry("station", "MABES");

        other.ringing.clear(); // the other node's call was answered elsewhere: its claim is given up
        region.calls.phonesFreedElsewhere(Set.of(SLEMAN));
        assertThat(region.rang(call)).containsExactly("OP-3404-1");
        assertThat(other.claimedHere).containsKey(op("OP-3404-1"));
    }

    @Test
    void aClaimLostInARaceIsALegThatFailedAndTheLadderGoesOn() {
        region = CallPathFixture.start(dir);
        region.calls.claimPhonesWith(other);
        other.refuse.add(op("OP-3404-1")); // the other node claimed it a moment ago, after this node last looked
        region.ready("OP-3404-1", "OP-3404-2");

        CallId call = region.dials("call-2", "+6281200000012", GPS_IN_SLEMAN);

        assertThat(region.rang(call)).containsExactly("OP-3404-2");
        assertThat(region.payload(call, "LegFailed")).containsEntry("operator", "OP-3404-1").containsEntry("status", 486);
        assertThat(region.journalTypes(call)).doesNotContain("CallEscalated");
    }

    @Test
    void theClaimsFollowThePhonesThisNodeRingsAndEndWithTheAnswer() {
        region = CallPathFixture.start(dir);
        region.calls.claimPhonesWith(other);
        region.ready("OP-3404-1", "OP-3404-2");

        CallId call = region.dials("call-3", "+6281200000013", GPS_IN_SLEMAN);
        assertThat(other.lastRingingHere()).containsExactlyInAnyOrder(op("OP-3404-1"), op("OP-3404-2"));

        region.answers(call, "OP-3404-2");
        assertThat(other.lastRingingHere()).as("answered: no phone rings for it any more").isEmpty();
    }

    private static OperatorId op(String id) {
        return new OperatorId(id);
    }

    /** The other node, as the claims table shows it. */
    static final class OtherNode implements PhoneClaims {
        final Set<OperatorId> ringing = ConcurrentHashMap.newKeySet();
        final Set<OperatorId> refuse = ConcurrentHashMap.newKeySet();
        final java.util.Map<OperatorId, CallId> claimedHere = new ConcurrentHashMap<>();
        final List<Set<OperatorId>> reports = new ArrayList<>();

        @Override
        public boolean claim(OperatorId operator, CallId call) {
            if (ringing.contains(operator) || refuse.contains(operator)) {
                return false;
            }
            claimedHere.put(operator, call);
            return true;
        }

        @Override
        public synchronized void ringingHere(Set<OperatorId> operators) {
            reports.add(Set.copyOf(operators));
            claimedHere.keySet().retainAll(operators);
        }

        @Override
        public Set<OperatorId> ringingElsewhere() {
            return Set.copyOf(ringing);
        }

        synchronized Set<OperatorId> lastRingingHere() {
            return reports.isEmpty() ? Set.of() : reports.get(reports.size() - 1);
        }
    }
}
