package id.siaga.org;

/** Identifier of an operator position, e.g. {@code OP-SLEMAN-1}. */
public record OperatorId(String value) {

    public OperatorId {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("operator id must be 1-64 letters, digits, '.', '_' or '-', got '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
