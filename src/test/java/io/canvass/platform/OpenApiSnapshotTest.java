package io.canvass.platform;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canvass.testing.Management;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The PWA's API types ({@code web-ui/src/api/schema.d.ts}) are generated from {@code web-ui/openapi/canvass.json}, and
 * that snapshot must be the document the application serves: otherwise the PWA would be type-checked against an API
 * that no longer exists. When they differ, the served document is written to {@code target/openapi/served.json} and
 * {@code npm run api:update} (in web-ui/) takes it as the new snapshot and regenerates the types; {@code npx tsc --noEmit}
 * then names every screen that reads or sends a field the way the API no longer does.
 */
@QuarkusTest
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Paths.get("web-ui/openapi/canvass.json");
    static final Path SERVED = Paths.get("target/openapi/served.json");
    static final int SHOWN = 25;

    final ObjectMapper json = new ObjectMapper();

    /** Equal JSON values; numbers by value, since the snapshot is written by JavaScript (128000.00 is 128000 there). */
    static final Comparator<JsonNode> SAME = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    @Test
    void thePwaIsTypedFromTheServedDocument() throws IOException {
        String body = Management.given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode served = json.readTree(body);
        JsonNode snapshot = json.readTree(SNAPSHOT.toFile());
        if (served.equals(SAME, snapshot)) {
            return;
        }
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, body);
        List<String> differences = new ArrayList<>();
        differences("", snapshot, served, differences);
        String shown = String.join("\n  ", differences.subList(0, Math.min(SHOWN, differences.size())));
        fail(SNAPSHOT + " is not the served OpenAPI document (" + differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s") + "):\n  " + shown
                + (differences.size() > SHOWN ? "\n  …" : "")
                + "\nThe served document is now in " + SERVED + ". Take it and regenerate the PWA's types with"
                + "\n  cd web-ui && npm run api:update && npx tsc --noEmit"
                + "\nthen fix what the type check reports and commit web-ui/openapi/canvass.json and web-ui/src/api/schema.d.ts.");
    }

    /** Each JSON pointer where {@code was} and {@code is} differ: added, removed or changed. */
    static void differences(String at, JsonNode was, JsonNode is, List<String> out) {
        if (was.equals(SAME, is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!is.has(name)) {
                    out.add("removed " + child);
                } else if (!was.has(name)) {
                    out.add("added   " + child);
                } else {
                    differences(child, was.get(name), is.get(name), out);
                }
            }
        } else if (was.isArray() && is.isArray() && was.size() == is.size()) {
            for (int i = 0; i < was.size(); i++) {
                differences(at + "/" + i, was.get(i), is.get(i), out);
            }
        } else {
            out.add("changed " + (at.isEmpty() ? "/" : at) + ": " + abbreviate(was) + " → " + abbreviate(is));
        }
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
