package id.siaga.screening;

import java.util.Optional;

/**
 * What a 110 call turned out to be, as the operator who took it says at wrap-up with one key (1-8), or a supervisor
 * later, with a reason. An incident created from the call makes it {@link #GENUINE}. Only some outcomes weigh on the
 * caller's number ({@link #mark}): the rest say nothing about whether the number pranks.
 */
public enum Classification {
    GENUINE(Mark.Kind.GENUINE),
    INFORMATION(null),
    COMPLAINT(null),
    PRANK(Mark.Kind.PRANK),
    SILENT(Mark.Kind.SILENT),
    ABUSIVE(Mark.Kind.ABUSIVE),
    WRONG_NUMBER(null),
    TEST(null);

    private final Mark.Kind mark;

    Classification(Mark.Kind mark) {
        this.mark = mark;
    }

    /** The mark this outcome leaves on the caller's number, if any. */
    public Optional<Mark.Kind> mark() {
        return Optional.ofNullable(mark);
    }

    /** The operator's key for it at wrap-up: 1 for {@link #GENUINE} … 8 for {@link #TEST}. */
    public int key() {
        return ordinal() + 1;
    }
}
