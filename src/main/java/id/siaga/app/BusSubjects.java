package id.siaga.app;

/** Names made safe as one token of a NATS subject (no '.', '*', '>', spaces), readable where they already are. */
final class BusSubjects {

    private BusSubjects() {
    }

    /** Letters, digits, '-' and '_' as they are; any other character as {@code ~} and its code point in hex ({@code ~2e} for '.'). */
    static String token(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                out.appendCodePoint(c);
            } else {
                out.append('~').append(Integer.toHexString(c)).append('~');
            }
        });
        return out.isEmpty() ? "~" : out.toString();
    }
}
