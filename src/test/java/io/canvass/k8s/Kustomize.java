package io.canvass.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the part of kustomize that
 * k8s/ uses: {@code resources} (files and kustomization folders), {@code namespace},
 * {@code labels} (metadata only), {@code images} and {@code patches} given by {@code path}
 * (strategic merge for built-in kinds, JSON merge for custom resources). Anything else in a
 * kustomization.yaml is refused, so a manifest never relies on a feature this renderer would
 * silently skip.
 */
final class Kustomize {

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images",
            "patches");

    /** Merge keys of the lists that strategic merge patches merge by element (the Kubernetes API's patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name",
            "topologySpreadConstraints", "topologyKey");

    private Kustomize() {
    }

    /** The objects a kustomization folder renders to, in order. */
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = readOne(dir.resolve("kustomization.yaml"));
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new ManifestException(dir + "/kustomization.yaml: unsupported field '" + key + "'");
            }
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : strings(k, "resources")) {
            Path p = dir.resolve(resource).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                objects.addAll(readAll(p));
            }
        }
        for (Map<String, Object> patch : maps(k, "patches")) {
            for (String key : patch.keySet()) {
                if (!key.equals("path")) {
                    throw new ManifestException(dir + ": only patches given by path are supported, found '" + key + "'");
                }
            }
            Path p = dir.resolve((String) patch.get("path"));
            for (Map<String, Object> doc : readAll(p)) {
                applyPatch(objects, doc, p);
            }
        }
        for (Map<String, Object> label : maps(k, "labels")) {
            for (String key : label.keySet()) {
                if (!key.equals("pairs")) {
                    throw new ManifestException(dir + ": labels support only 'pairs' (metadata labels), found '" + key + "'");
                }
            }
            Map<String, Object> pairs = map(label.get("pairs"));
            objects.forEach(o -> metadata(o).computeIfAbsent("labels", x -> new LinkedHashMap<String, Object>()));
            objects.forEach(o -> map(metadata(o).get("labels")).putAll(pairs));
        }
        for (Map<String, Object> image : maps(k, "images")) {
            objects.forEach(o -> setImage(o, image));
        }
        if (k.get("namespace") instanceof String ns) {
            objects.forEach(o -> metadata(o).put("namespace", ns));
        }
        return objects;
    }

    static String id(Map<String, Object> o) {
        return o.get("kind") + "/" + metadata(o).get("name");
    }

    private static void applyPatch(List<Map<String, Object>> objects, Map<String, Object> patch, Path file) {
        List<Map<String, Object>> targets = objects.stream()
                .filter(o -> group(o).equals(group(patch)) && o.get("kind").equals(patch.get("kind"))
                        && metadata(o).get("name").equals(metadata(patch).get("name")))
                .toList();
        if (targets.size() != 1) {
            throw new ManifestException(file + ": the patch for " + id(patch) + " matches " + targets.size() + " resources");
        }
        boolean builtIn = !group(patch).contains(".") || group(patch).endsWith(".k8s.io");
        merge(targets.get(0), patch, builtIn, "", file);
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch, boolean strategic, String path, Path file) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("$")) {
                throw new ManifestException(file + ": patch directive " + key + " is not supported");
            }
            Object value = e.getValue();
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                merge((Map<String, Object>) c, (Map<String, Object>) m, strategic, path + "." + key, file);
            } else if (strategic && value instanceof List<?> l && current instanceof List<?> c && mergeKey(key, path) != null) {
                target.put(key, mergeList((List<Object>) c, (List<Object>) l, mergeKey(key, path), path + "." + key, file));
            } else {
                target.put(key, value);
            }
        }
    }

    private static String mergeKey(String field, String path) {
        if (field.equals("ports")) {
            return path.endsWith(".containers[]") || path.endsWith(".initContainers[]") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeList(List<Object> current, List<Object> patch, String mergeKey, String path, Path file) {
        List<Object> merged = new ArrayList<>(current);
        for (Object item : patch) {
            Map<String, Object> p = (Map<String, Object>) item;
            Object key = p.get(mergeKey);
            Map<String, Object> existing = merged.stream().map(x -> (Map<String, Object>) x)
                    .filter(x -> x.get(mergeKey) != null && x.get(mergeKey).equals(key)).findFirst().orElse(null);
            if (existing == null) {
                merged.add(p);
            } else {
                merge(existing, p, true, path + "[]", file);
            }
        }
        return merged;
    }

    /** kustomize's images transformer for pod templates: image name matched without tag or digest. */
    @SuppressWarnings("unchecked")
    private static void setImage(Map<String, Object> o, Map<String, Object> image) {
        if (!(o.get("spec") instanceof Map<?, ?> spec) || !(spec.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> pod)) {
            return;
        }
        for (String list : List.of("containers", "initContainers")) {
            if (pod.get(list) instanceof List<?> containers) {
                for (Object c : containers) {
                    Map<String, Object> container = (Map<String, Object>) c;
                    String current = (String) container.get("image");
                    String name = current.split("[:@]", 2)[0];
                    if (name.equals(image.get("name"))) {
                        String newName = (String) image.getOrDefault("newName", name);
                        Object tag = image.get("newTag");
                        container.put("image", tag == null ? newName : newName + ":" + tag);
                    }
                }
            }
        }
    }

    private static String group(Map<String, Object> o) {
        String apiVersion = (String) o.get("apiVersion");
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> o) {
        return (Map<String, Object>) o.computeIfAbsent("metadata", x -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> k, String key) {
        return k.get(key) == null ? List.of() : (List<String>) k.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> k, String key) {
        return k.get(key) == null ? List.of() : (List<Map<String, Object>>) k.get(key);
    }

    private static Map<String, Object> readOne(Path file) {
        List<Map<String, Object>> docs = readAll(file);
        if (docs.size() != 1) {
            throw new ManifestException(file + ": expected one document");
        }
        return docs.get(0);
    }

    static List<Map<String, Object>> readAll(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> parse(String yaml) {
        try (MappingIterator<Map<String, Object>> docs = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(yaml)) {
            List<Map<String, Object>> all = new ArrayList<>();
            while (docs.hasNext()) {
                Map<String, Object> doc = docs.next();
                if (doc != null) {
                    all.add(doc);
                }
            }
            return all;
        } catch (IOException e) {
            throw new ManifestException("not valid YAML: " + e.getMessage());
        }
    }

    static String toYaml(List<Map<String, Object>> objects) {
        StringBuilder out = new StringBuilder();
        try {
            for (Map<String, Object> o : objects) {
                out.append("---\n").append(YAML.writeValueAsString(o));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
