package io.canvass.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A custom resource's schema in the structural OpenAPI v3 subset that CRDs use: {@code type},
 * {@code properties} (any other field is refused, as the API server prunes it), {@code required},
 * {@code additionalProperties} (maps), {@code items}, {@code enum}, {@code minimum}; and two
 * extensions: {@code x-kubernetes-type} binds a node to the built-in Kubernetes type of that name
 * (ObjectMeta, ResourceRequirements) and {@code x-quantity} requires a resource quantity.
 */
final class CrdSchema {

    private final Map<String, Object> root;

    private CrdSchema(Map<String, Object> root) {
        this.root = root;
    }

    static CrdSchema load(Path file) {
        return new CrdSchema(Kustomize.readAll(file).get(0));
    }

    void check(Object value, String path, Consumer<String> problems) {
        check(root, value, path, problems);
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, Object value, String path, Consumer<String> problems) {
        if (schema.get("x-kubernetes-type") instanceof String type) {
            try {
                ManifestValidator.typed(value, Class.forName("io.fabric8.kubernetes.api.model." + type), path, problems);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("no Kubernetes type " + type, e);
            }
            return;
        }
        String type = (String) schema.get("type");
        String at = path.isEmpty() ? "(root)" : path;
        boolean fits = switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "boolean" -> value instanceof Boolean;
            default -> throw new IllegalStateException("unsupported schema type " + type);
        };
        if (!fits) {
            problems.accept(at + ": expected " + type + ", found " + (value == null ? "null" : "'" + value + "'"));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            problems.accept(at + ": '" + value + "' is not one of " + allowed);
        }
        if (schema.get("minimum") instanceof Number min && ((Number) value).longValue() < min.longValue()) {
            problems.accept(at + ": " + value + " is below the minimum " + min);
        }
        if (Boolean.TRUE.equals(schema.get("x-quantity"))) {
            try {
                io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(new io.fabric8.kubernetes.api.model.Quantity((String) value));
            } catch (RuntimeException e) {
                problems.accept(at + ": '" + value + "' is not a quantity");
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!map.containsKey(required)) {
                    problems.accept(at + ": missing required field '" + required + "'");
                }
            }
            map.forEach((k, v) -> {
                Map<String, Object> field = (Map<String, Object>) properties.get(k);
                if (field == null) {
                    field = (Map<String, Object>) schema.get("additionalProperties");
                }
                if (field == null) {
                    problems.accept(at + ": unknown field '" + k + "'");
                } else {
                    check(field, v, path + "." + k, problems);
                }
            });
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check((Map<String, Object>) items, list.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
