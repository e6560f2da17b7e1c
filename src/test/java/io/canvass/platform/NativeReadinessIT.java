package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the native build steps (run without GraalVM by every build, into target/native-check)
 * cannot see but native-image would refuse: Quarkus initialises application classes at build
 * time, so a class whose static state is a random generator, a thread or an executor must be
 * initialised at run time, and says so in quarkus.native.additional-build-args.
 */
class NativeReadinessIT {

    static final Path SOURCES = Path.of("target/native-check/native-sources");
    static final List<Class<?>> NOT_IN_IMAGE_HEAP = List.of(Random.class, Thread.class, ExecutorService.class);

    @Test
    void theNativeSourcesWereBuilt() throws Exception {
        assertTrue(Files.exists(SOURCES.resolve("native-image.args")), "run the build with the native-sources execution");
        try (Stream<Path> jars = Files.list(SOURCES)) {
            assertEquals(1, jars.filter(p -> p.toString().endsWith("-runner.jar")).count());
        }
    }

    @Test
    void classesWithRuntimeOnlyStateAreInitialisedAtRunTime() throws Exception {
        Set<String> runtimeInitialised = Arrays.stream(Files.readString(SOURCES.resolve("native-image.args")).split("\\s+"))
                .filter(arg -> arg.startsWith("--initialize-at-run-time="))
                .flatMap(arg -> Arrays.stream(arg.substring(arg.indexOf('=') + 1).split(",")))
                .collect(Collectors.toSet());
        List<String> offenders = new ArrayList<>();
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    boolean runtimeOnly = NOT_IN_IMAGE_HEAP.stream().anyMatch(c -> c.isAssignableFrom(field.getType()));
                    if (Modifier.isStatic(field.getModifiers()) && runtimeOnly && !runtimeInitialised.contains(name)) {
                        offenders.add(name + "." + field.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "add these classes to --initialize-at-run-time in quarkus.native.additional-build-args");
        assertTrue(runtimeInitialised.contains(io.canvass.platform.Ids.class.getName()), "the check sees the build's arguments");
    }
}
