package io.canvass.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks rendered objects against the Kubernetes API types (fabric8's models of every built-in
 * kind) and the custom resources' schemas under {@code k8s-schemas/}: an unknown or misspelled
 * field, a value of the wrong type, a malformed quantity or an unknown kind is an error naming the
 * object and the field's path.
 */
final class ManifestValidator {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CrdSchema> customResources;

    ManifestValidator(Map<String, CrdSchema> customResources) {
        this.customResources = customResources;
    }

    /** The schemas k8s/ needs: CloudNativePG's Cluster. */
    static ManifestValidator forCanvass() {
        return new ManifestValidator(Map.of("postgresql.cnpg.io/v1/Cluster",
                CrdSchema.load(Path.of("src/test/resources/k8s-schemas/postgresql.cnpg.io-v1-Cluster.yaml"))));
    }

    /** Every problem found in the objects; empty when all are valid. */
    List<String> problems(List<Map<String, Object>> objects) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String id = o.get("apiVersion") + " " + Kustomize.id(o);
            java.util.function.Consumer<String> report = p -> problems.add(id + ": " + p);
            CrdSchema crd = customResources.get(o.get("apiVersion") + "/" + o.get("kind"));
            if (crd != null) {
                crd.check(o, "", report);
            } else {
                typed(o, "", report);
            }
        }
        return problems;
    }

    /** Binds {@code value} to a fabric8 model (by kind, or the given type) and reports what did not fit. */
    static void typed(Map<String, Object> object, String path, java.util.function.Consumer<String> problems) {
        typed(object, KubernetesResource.class, path, problems);
    }

    static void typed(Object value, Class<?> type, String path, java.util.function.Consumer<String> problems) {
        Object bound;
        try {
            String json = JSON.writeValueAsString(value);
            bound = type == KubernetesResource.class ? KUBERNETES.unmarshal(json) : KUBERNETES.unmarshal(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            problems.accept(path + " " + rootMessage(e));
            return;
        }
        if (bound instanceof GenericKubernetesResource) {
            problems.accept("unknown kind (no Kubernetes type and no schema in k8s-schemas/)");
            return;
        }
        walk(bound, path, problems);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage().lines().findFirst().orElse(t.toString()) + pathOf(e);
    }

    /** Jackson names the path of a value of the wrong type in its message's last line ("through reference chain"). */
    private static String pathOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("reference chain")) {
                return " (at " + m.substring(m.indexOf("reference chain")) + ")";
            }
        }
        return "";
    }

    /** Resource names the API accepts: the standard ones, huge pages, and extended (domain-qualified) ones. */
    private static final Pattern RESOURCE = Pattern.compile("cpu|memory|ephemeral-storage|hugepages-[0-9A-Za-z]+|[a-z0-9.-]+/[A-Za-z0-9._-]+");

    private static Map<String, Quantity> nonNull(Map<String, Quantity> m) {
        return m == null ? Map.of() : m;
    }

    /** Fields the model did not know end up in additionalProperties: each one is an error. */
    private static void walk(Object o, String path, java.util.function.Consumer<String> problems) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Quantity q) {
            try {
                Quantity.getAmountInBytes(q);
            } catch (RuntimeException e) {
                problems.accept(path + ": '" + q + "' is not a quantity");
            }
            return;
        }
        if (o instanceof ResourceRequirements r) {
            for (Map<String, Quantity> amounts : List.of(nonNull(r.getRequests()), nonNull(r.getLimits()))) {
                amounts.keySet().stream().filter(name -> !RESOURCE.matcher(name).matches())
                        .forEach(name -> problems.accept(path + ": unknown resource '" + name + "'"));
            }
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                walk(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = o.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(o);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> problems.accept(path + ": unknown field '" + k + "'"));
                    }
                    continue;
                }
                JsonProperty name = f.getAnnotation(JsonProperty.class);
                walk(value, path + "." + (name != null && !name.value().isEmpty() ? name.value() : f.getName()), problems);
            }
        }
    }
}
