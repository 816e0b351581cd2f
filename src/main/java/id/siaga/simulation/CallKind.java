package id.siaga.simulation;

import id.siaga.screening.Mark;

/** What a simulated call turns out to be once answered, and the mark the operator's wrap-up leaves on its number. */
enum CallKind {
    /** A real emergency: the caller's number takes three marks back. */
    GENUINE(Mark.Kind.GENUINE, Mark.Source.CLASSIFIED),
    /** A prankster who talks: classified PRANK at wrap-up. */
    PRANK(Mark.Kind.PRANK, Mark.Source.CLASSIFIED),
    /** Nobody speaks: classified SILENT. */
    SILENT(Mark.Kind.SILENT, Mark.Source.CLASSIFIED),
    /** The caller hangs up within seconds of the answer: the call path's own HUNG_UP signal. */
    HUNG_UP(Mark.Kind.HUNG_UP, Mark.Source.SIGNAL);

    final Mark.Kind mark;
    final Mark.Source source;

    CallKind(Mark.Kind mark, Mark.Source source) {
        this.mark = mark;
        this.source = source;
    }

    boolean genuine() {
        return this == GENUINE;
    }
}
