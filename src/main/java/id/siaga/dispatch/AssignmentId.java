package id.siaga.dispatch;

import java.util.UUID;

/** Identifier of one unit sent to one incident. */
public record AssignmentId(String value) {

    public AssignmentId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("assignment id must be 1-64 characters");
        }
    }

    public static AssignmentId random() {
        return new AssignmentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
