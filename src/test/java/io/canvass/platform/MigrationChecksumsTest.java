package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has landed on main never changes: a database that applied it records its checksum,
 * and Flyway refuses to upgrade that database once the file differs (V12 and V22 were edited so, see
 * src/docs/operations.md). The committed list src/test/resources/db/migration-checksums.txt holds the
 * SHA-256 of every versioned migration; this test holds the migration folder to it.
 */
class MigrationChecksumsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path LIST = Path.of("src/test/resources/db/migration-checksums.txt");

    @Test
    void everyLandedMigrationIsUnchanged() throws IOException {
        Map<String, String> listed = listed();
        Map<String, String> present = present();
        List<String> problems = new ArrayList<>();
        listed.forEach((file, sha) -> {
            String now = present.get(file);
            if (now == null) {
                problems.add(file + " is in " + LIST + " but no longer in " + MIGRATIONS + ": a landed migration is never removed"
                        + " or renamed (a database that applied it would fail Flyway's validation). Restore it.");
            } else if (!now.equals(sha)) {
                problems.add(file + " changed after it landed (SHA-256 " + now + ", listed " + sha + "): a database that applied it"
                        + " fails Flyway's validation on upgrade. Restore it as main has it (git checkout main -- " + MIGRATIONS.resolve(file)
                        + ") and put the change in a new migration.");
            }
        });
        int highestLanded = listed.keySet().stream().mapToInt(MigrationChecksumsTest::version).max().orElse(0);
        present.keySet().stream().filter(file -> !listed.containsKey(file)).forEach(file -> problems.add(
                version(file) < highestLanded
                        ? file + " takes a version below V" + highestLanded + ", which databases have applied already: Flyway"
                                + " refuses a migration below the highest applied one (the unused numbers stay unused). Number it V"
                                + (highestLanded + 1) + " or above."
                        : file + " is not in " + LIST + ". Once the migration is final, add its line:\n    (cd " + MIGRATIONS
                                + " && sha256sum " + file + ") >> " + LIST + "\nFrom then on it never changes."));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void everyVersionIsUsedOnce() throws IOException {
        Map<Integer, List<String>> byVersion = new TreeMap<>();
        present().keySet().forEach(file -> byVersion.computeIfAbsent(version(file), v -> new ArrayList<>()).add(file));
        byVersion.values().removeIf(files -> files.size() == 1);
        assertEquals(Map.of(), byVersion, "two migrations with one version (branches that took the same number): renumber the"
                + " one that has not landed to the next free version");
    }

    static Map<String, String> listed() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            if (parts.length != 2 || parts[0].length() != 64) {
                fail(LIST + ": not a line of sha256sum's output: " + line);
            }
            if (listed.put(parts[1], parts[0]) != null) {
                fail(LIST + " lists " + parts[1] + " twice");
            }
        }
        return listed;
    }

    /** Versioned migrations in the folder and the SHA-256 of each, its line endings as LF. */
    static Map<String, String> present() throws IOException {
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                present.put(file.getFileName().toString(), sha256(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return present;
    }

    static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    private static String sha256(String text) {
        try {
            byte[] lf = text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
