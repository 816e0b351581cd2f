package id.siaga.org;

/** A station was asked to go LIVE while items of its checklist are unmet. */
public class GoLiveRefusedException extends RuntimeException {

    private final transient GoLiveChecklist checklist;

    public GoLiveRefusedException(GoLiveChecklist checklist) {
        super("the station cannot go live yet: " + String.join("; ", checklist.unmet().stream().map(GoLiveChecklist.Check::detail).toList()));
        this.checklist = checklist;
    }

    public GoLiveChecklist checklist() {
        return checklist;
    }
}
