package id.siaga.telephony.event;

import id.siaga.telephony.CallId;
import java.util.Map;
import java.util.Objects;

/** A 110 call reached the edge: who calls ({@code +62…}, or anonymous) and the number dialled. */
public record CallOffered(CallId call, String caller, String dialled) implements CallEvent {

    public CallOffered {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(dialled, "dialled");
    }

    @Override
    public Map<String, Object> payload() {
        return Payload.of("caller", caller, "dialled", dialled);
    }

    static CallOffered from(CallId call, Fields f) {
        return new CallOffered(call, f.text("caller"), f.text("dialled"));
    }
}
