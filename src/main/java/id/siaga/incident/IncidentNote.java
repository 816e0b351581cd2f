package id.siaga.incident;

import java.time.Instant;

/** One append-only note on an incident: who wrote it, when, and what. Notes are never edited or removed. */
public record IncidentNote(String author, Instant at, String text) {

    /** Long enough for a caller's account retold, short enough that one note stays one note. */
    public static final int MAX_TEXT = 2000;

    public IncidentNote {
        if (author == null || author.isBlank() || at == null) {
            throw new IllegalArgumentException("a note needs an author and a time");
        }
        text = Texts.required("note", text, MAX_TEXT);
    }
}
