package id.siaga.telephony;

import id.siaga.journal.Journal;
import id.siaga.journal.JournalEntry;
import id.siaga.journal.JournalStore;
import id.siaga.journal.SubjectKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A call's story as the journal tells it, for tests that place calls through SIPp and check what happened. */
final class CallStories {

    private CallStories() {
    }

    /**
     * The journal of the newest call from this number, oldest entry first, once it holds an entry of one of the types
     * {@code until} (or as it stands after 15 s, for the assertion to show).
     */
    static List<JournalEntry> story(JournalStore journal, String callerNumber, String... until) {
        java.util.Set<String> types = java.util.Set.of(until);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<JournalEntry> story = List.of();
        while (System.nanoTime() < deadline) {
            story = currentStory(journal, callerNumber);
            if (story.stream().anyMatch(e -> types.contains(e.type()))) {
                return story;
            }
            sleep(50);
        }
        return story;
    }

    private static List<JournalEntry> currentStory(JournalStore journal, String callerNumber) {
        List<JournalEntry> offered = new ArrayList<>();
        journal.scan(Journal.DEFAULT_NODE, 1, e -> {
            if (e.type().equals("CallOffered") && e.payload().contains("\"caller\":\"" + callerNumber + "\"")) {
                offered.add(e);
            }
        });
        if (offered.isEmpty()) {
            return List.of();
        }
        String callId = offered.get(offered.size() - 1).subjectId();
        return journal.bySubject(SubjectKind.CALL, callId, 1000).stream().sorted(Comparator.comparingLong(JournalEntry::seq)).toList();
    }

    static List<String> types(List<JournalEntry> story) {
        return story.stream().map(JournalEntry::type).toList();
    }

    /** The payload of the first entry of that type, or a message naming what the story holds instead. */
    static String payload(List<JournalEntry> story, String type) {
        return all(story, e -> e.type().equals(type)).stream().findFirst().map(JournalEntry::payload).orElse("(no " + type + " in " + types(story) + ")");
    }

    static List<JournalEntry> all(List<JournalEntry> story, Predicate<JournalEntry> which) {
        return story.stream().filter(which).toList();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
