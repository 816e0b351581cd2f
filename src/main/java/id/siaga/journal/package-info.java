/**
 * The journal: the append-only, hash-chained record of everything the system decides and everyone does.
 * Appends are group-committed by one writer thread through the {@link id.siaga.journal.JournalStore}
 * port; while the database is away they go to a local spool file and are replayed, in order and exactly
 * once, when it returns. Owns no SQL (the {@code store} package does) and no domain rules.
 */
package id.siaga.journal;
