package io.canvass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrow between two packages runs one way: no package of {@code src/main/java/io/canvass}
 * reaches itself again through the types it uses (a feature that needs another one back offers a
 * port instead, as {@code customer.CustomerLifecycle} and {@code contract.CollectionPlans} do).
 * Read from the sources, as text: imports and fully qualified names of Canvass types.
 */
class PackageCyclesTest {

    static final Path SOURCES = Path.of("src/main/java");

    /** Cycles inside one mechanism, not between features, that are known and not yet opened. */
    static final Set<Set<String>> KNOWN = Set.of(Set.of("io.canvass.notify", "io.canvass.notify.push"));

    static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** A Canvass type named by an import or in full: the package is the part before the first capitalised name. */
    static final Pattern TYPE = Pattern.compile("\\b(io\\.canvass(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void noPackageReachesItselfAgain() {
        Map<String, Map<String, Set<String>>> uses = uses();
        assertTrue(uses.size() >= 15, "packages read: " + uses.keySet());
        List<String> found = new ArrayList<>();
        for (Set<String> cycle : cycles(uses)) {
            if (KNOWN.contains(cycle)) {
                continue;
            }
            StringBuilder ties = new StringBuilder("cycle " + cycle + ":");
            for (String from : cycle) {
                uses.get(from).forEach((to, files) -> {
                    if (cycle.contains(to)) {
                        ties.append("\n    ").append(from).append(" -> ").append(to).append(" in ").append(files);
                    }
                });
            }
            found.add(ties.toString());
        }
        assertEquals(List.of(), found, "a package cycle: let one side depend on the other through a port it offers"
                + " (src/docs/customers.md, \"Lifecycle\"), never both ways");
    }

    /** Between features (a package with its sub-packages), even where no one package closes the loop. */
    @Test
    void noFeatureReachesItselfAgain() {
        Map<String, Map<String, Set<String>>> features = new TreeMap<>();
        uses().forEach((from, targets) -> targets.forEach((to, files) -> {
            Map<String, Set<String>> out = features.computeIfAbsent(feature(from), k -> new TreeMap<>());
            if (!feature(to).equals(feature(from))) {
                out.computeIfAbsent(feature(to), k -> new TreeSet<>()).addAll(files);
            }
        }));
        List<String> found = new ArrayList<>();
        for (Set<String> cycle : cycles(features)) {
            StringBuilder ties = new StringBuilder("cycle " + cycle + ":");
            for (String from : cycle) {
                features.get(from).forEach((to, files) -> {
                    if (cycle.contains(to)) {
                        ties.append("\n    ").append(from).append(" -> ").append(to).append(" in ").append(files);
                    }
                });
            }
            found.add(ties.toString());
        }
        assertEquals(List.of(), found, "features in a cycle: one of them offers a port the other implements, never both ways");
    }

    /** {@code io.canvass.contract.collection} is part of {@code io.canvass.contract}. */
    static String feature(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 3 ? pkg : String.join(".", parts[0], parts[1], parts[2]);
    }

    @Test
    void aCycleIsFound() {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        uses.put("a", Map.of("b", Set.of("A.java")));
        uses.put("b", Map.of("c", Set.of("B.java")));
        uses.put("c", Map.of("a", Set.of("C.java")));
        uses.put("d", Map.of("a", Set.of("D.java")));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(uses));
    }

    /** Package -> the Canvass packages it uses -> the files that use them. */
    static Map<String, Map<String, Set<String>>> uses() {
        Map<String, Map<String, Set<String>>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) {
                    continue;
                }
                String from = pkg.group(1);
                Map<String, Set<String>> targets = uses.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher type = TYPE.matcher(text);
                while (type.find()) {
                    if (!type.group(1).equals(from)) {
                        targets.computeIfAbsent(type.group(1), k -> new TreeSet<>()).add(file.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Map<String, Set<String>>> uses) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            if (!index.containsKey(start)) {
                visit(start, uses, index, low, stack, cycles);
            }
        }
        return cycles;
    }

    private static void visit(String v, Map<String, Map<String, Set<String>>> uses, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, List<Set<String>> cycles) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : uses.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, uses, index, low, stack, cycles);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
