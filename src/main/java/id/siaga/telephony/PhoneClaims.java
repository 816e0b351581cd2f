package id.siaga.telephony;

import id.siaga.org.OperatorId;
import java.util.Set;

/**
 * Which node of a cluster rings an operator's phone: a phone is rung by one node at a time (within a node several calls
 * may ring it at once, first answer winning, as ever). A node claims a phone before it rings it and gives the claim up
 * when none of its calls rings it any more; the phones another node rings are not ringable here. A single server claims
 * nothing ({@link #NONE}).
 *
 * <p>When the cluster's bus cannot be reached an implementation lets the phone be rung (and says so in the log): a 110
 * call is never held up for the cluster's bookkeeping; the worst case is a phone rung by two nodes at once.
 */
public interface PhoneClaims {

    /** No cluster: every phone is this node's to ring. */
    PhoneClaims NONE = new PhoneClaims() {
        @Override
        public boolean claim(OperatorId operator, CallId call) {
            return true;
        }

        @Override
        public void ringingHere(Set<OperatorId> operators) {
        }

        @Override
        public Set<OperatorId> ringingElsewhere() {
            return Set.of();
        }
    };

    /** Before this node rings {@code operator} for {@code call}: false when another node rings that phone now. */
    boolean claim(OperatorId operator, CallId call);

    /** The phones this node rings now, after each step of a call: claims on every other phone this node held are given up. */
    void ringingHere(Set<OperatorId> operators);

    /** The phones another node rings now. */
    Set<OperatorId> ringingElsewhere();
}
