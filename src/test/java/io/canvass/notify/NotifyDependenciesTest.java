package io.canvass.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reminder engine is a mechanism that features use: a feature imports {@code io.canvass.notify}
 * and keeps its own reminder kinds, and {@code notify} names no feature, so no package cycle runs
 * through it. Read from the sources, as text.
 */
class NotifyDependenciesTest {

    static final Path SOURCES = Path.of("src/main/java/io/canvass");

    /** What the engine may use of Canvass besides itself: shared plumbing and the audit trail. */
    static final Set<String> ALLOWED = Set.of("notify", "platform", "audit");

    static final Pattern CANVASS_PACKAGE = Pattern.compile("\\bio\\.canvass\\.(\\w+)\\.");

    @Test
    void notifyNamesNoFeature() throws IOException {
        Set<String> offending = new TreeSet<>();
        for (Path file : javaFiles(SOURCES.resolve("notify"))) {
            Matcher m = CANVASS_PACKAGE.matcher(Files.readString(file));
            while (m.find()) {
                if (!ALLOWED.contains(m.group(1))) {
                    offending.add(SOURCES.relativize(file) + " uses io.canvass." + m.group(1));
                }
            }
        }
        assertEquals(Set.of(), offending, "notify must not depend on a feature; the feature depends on notify instead");
    }

    @Test
    void everyReminderKindStandsInItsFeaturesRemindersClass() throws IOException {
        List<Path> kinds = javaFiles(SOURCES).stream()
                .filter(f -> read(f).matches("(?s).*\\bimplements (ReminderKind|GroupedKind)\\b.*"))
                .toList();
        assertTrue(kinds.size() >= 6, "reminder kinds found: " + kinds);
        for (Path kind : kinds) {
            String name = kind.getFileName().toString();
            assertTrue(name.endsWith("Reminders.java"),
                    kind + ": a feature keeps its reminder kinds together in its own <Feature>Reminders class (src/docs/reminders.md)");
        }
    }

    static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
