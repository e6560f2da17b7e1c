package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkiverse.embedded.postgresql.EmbeddedPostgreSQLConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL keys in application.properties are ones the extension reads. It ignores any other
 * (a misspelt data directory once made every dev start initialise a fresh database and seed the demo again).
 */
class EmbeddedPostgresConfigTest {

    @Test
    void everyEmbeddedPostgresKeyIsOneTheExtensionReads() throws IOException {
        String prefix = EmbeddedPostgreSQLConfig.class.getAnnotation(ConfigMapping.class).prefix() + ".";
        Set<String> known = new TreeSet<>();
        for (Method method : EmbeddedPostgreSQLConfig.class.getDeclaredMethods()) {
            if (method.getParameterCount() == 0 && !method.isSynthetic() && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                WithName name = method.getAnnotation(WithName.class);
                known.add(prefix + (name != null ? name.value() : kebab(method.getName())));
            }
        }
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Set<String> used = properties.stringPropertyNames().stream()
                .map(key -> key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key)
                .filter(key -> key.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(used.contains(prefix + "data.dir"), "dev mode keeps its database in a data directory");
        used.removeAll(known);
        assertEquals(Set.of(), used, "keys the extension does not read (it reads " + known + ")");
        assertEquals("target/dev-pgdata", properties.getProperty("%dev." + prefix + "data.dir"), "README.md names this directory");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
