package id.siaga.web;

import java.util.Optional;

/**
 * The one rule for text that comes in through any API (JSON string fields, request parameters, form fields, the
 * path): text is refused, never repaired, when it holds a character that no store keeps as it was given or no screen
 * can show. That is
 * <ul>
 *   <li>a lone UTF-16 surrogate (a JSON {@code "\ud800"} with no partner): it is not a character at all, cannot be
 *       written as UTF-8, is stored by H2 as it is but by PostgreSQL as {@code ?}, and broke every later reading of
 *       the incident that held it;</li>
 *   <li>NUL, which PostgreSQL refuses ({@code invalid byte sequence for encoding "UTF8": 0x00}) while H2 keeps it;</li>
 *   <li>any other control character (C0, DEL, C1) except tab, line feed and carriage return, which notes and addresses
 *       legitimately hold. The others are invisible on a console and in a printed report, mean nothing in a police
 *       record, and are how binary junk or a terminal escape sequence would ride in.</li>
 * </ul>
 * Refusing (400, naming the field) rather than replacing is deliberate: a report, a note or a caller's name is
 * evidence, and a server that silently changes it cannot say afterwards what was given; a client told why learns to
 * send clean text. See "Text from clients" in docs/ARCHITECTURE.md.
 */
final class TextRule {

    private TextRule() {
    }

    /**
     * Why {@code text} is refused, e.g. {@code "contains a lone UTF-16 surrogate at character 6"} (characters counted
     * from 1, a pair such as an emoji counting once); empty when it is acceptable.
     */
    static Optional<String> problem(CharSequence text) {
        int character = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            character++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a proper pair: one character outside the BMP
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate at character " + character);
            } else if (c == '\0') {
                return Optional.of("contains a NUL character at character " + character);
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("contains the control character U+%04X at character %d".formatted((int) c, character));
            }
        }
        return Optional.empty();
    }
}
