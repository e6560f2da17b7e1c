package io.canvass.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay under k8s/ renders and every object in it is valid for the Kubernetes API and
 * CloudNativePG, offline. The rendered manifests are written to target/k8s/ for inspection.
 */
class ManifestsTest {

    static final Path K8S = Path.of("k8s");
    final ManifestValidator validator = ManifestValidator.forCanvass();

    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> o.get("kind").equals(kind)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> o, String... path) {
        Object current = o;
        for (String p : path) {
            current = current instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) current).get(p);
        }
        return (T) current;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayRendersToValidObjects(String overlay) throws IOException {
        List<Map<String, Object>> objects = render(overlay);
        Files.createDirectories(Path.of("target/k8s"));
        Files.writeString(Path.of("target/k8s/" + overlay + ".yaml"), Kustomize.toYaml(objects));

        assertEquals(List.of(), validator.problems(objects));
        assertEquals(Set.of("ServiceAccount/canvass", "ConfigMap/canvass-config", "Deployment/canvass", "Service/canvass",
                "Ingress/canvass", "HorizontalPodAutoscaler/canvass", "PodDisruptionBudget/canvass", "NetworkPolicy/canvass",
                "Cluster/canvass-db"), objects.stream().map(Kustomize::id).collect(Collectors.toSet()));
        String namespace = overlay.equals("prod") ? "canvass" : "canvass-dev";
        objects.forEach(o -> assertEquals(namespace, Kustomize.metadata(o).get("namespace"), Kustomize.id(o)));
    }

    @Test
    void everyFolderUnderOverlaysIsChecked() throws IOException {
        try (var dirs = Files.list(K8S.resolve("overlays"))) {
            assertEquals(Set.of("dev", "prod"), dirs.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void productionRunsTheNativeImageHardenedOnThreePostgresInstances() {
        List<Map<String, Object>> prod = render("prod");
        Map<String, Object> deployment = find(prod, "Deployment");
        Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
        assertEquals("registry.example.com/canvass/canvass:1.0.0", container.get("image"));
        assertEquals(3, (int) at(deployment, "spec", "replicas"));
        assertEquals(true, at(container, "securityContext", "readOnlyRootFilesystem"));
        assertEquals(false, at(container, "securityContext", "allowPrivilegeEscalation"));
        assertEquals(true, at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
        assertEquals(false, at(deployment, "spec", "template", "spec", "automountServiceAccountToken"));
        assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path"));
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("management", at(container, probe, "httpGet", "port"), probe);
        }
        // the patch raised the requests and kept the rest of the container
        assertEquals("96Mi", at(container, "resources", "requests", "memory"));
        assertEquals(2, ((List<?>) at(container, "volumeMounts")).size());
        // the database credentials come from the Secret CloudNativePG generates for the cluster's app user
        assertEquals("canvass-db-app", at(container, "env", "0", "valueFrom", "secretKeyRef", "name"));

        Map<String, Object> db = find(prod, "Cluster");
        assertEquals(3, (int) at(db, "spec", "instances"));
        assertEquals("canvass", at(db, "spec", "bootstrap", "initdb", "owner"));
        assertEquals(3, (int) at(find(prod, "HorizontalPodAutoscaler"), "spec", "minReplicas"));
        assertEquals(1, (int) at(find(render("dev"), "Cluster"), "spec", "instances"));
    }

    @Test
    void managementEndpointsAreReachableOnlyByProbesAndPrometheus() {
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> objects = render(overlay);
            Map<String, Object> deployment = find(objects, "Deployment");
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");
            assertEquals(List.of(Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"),
                    Map.of("name", "management", "containerPort", 9000, "protocol", "TCP")), container.get("ports"), overlay);
            assertEquals("9000", at(deployment, "spec", "template", "metadata", "annotations", "prometheus.io/port"), overlay);

            // the Service, and so the Ingress, carries the app's port only
            List<Map<String, Object>> servicePorts = at(find(objects, "Service"), "spec", "ports");
            assertEquals(List.of("http"), servicePorts.stream().map(p -> p.get("targetPort")).toList(), overlay);
            List<Map<String, Object>> paths = at(find(objects, "Ingress"), "spec", "rules", "0", "http", "paths");
            paths.forEach(p -> assertEquals("http", at(p, "backend", "service", "port", "name"), overlay));

            // in: ingress-nginx to the app's port, Prometheus from monitoring to the management port
            List<Map<String, Object>> rules = at(find(objects, "NetworkPolicy"), "spec", "ingress");
            Map<String, String> portBySource = rules.stream().collect(Collectors.toMap(
                    r -> ManifestsTest.<String>at(r, "from", "0", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"),
                    r -> {
                        List<Map<String, Object>> ports = at(r, "ports");
                        assertEquals(1, ports.size(), "one port per source");
                        return String.valueOf(ports.get(0).get("port"));
                    }));
            assertEquals(Map.of("ingress-nginx", "http", "monitoring", "management"), portBySource, overlay);
        }
    }

    @Test
    void outboundHttpsReachesOnlyPublicAddresses() {
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> egress = at(find(render(overlay), "NetworkPolicy"), "spec", "egress");
            List<Map<String, Object>> blocks = egress.stream()
                    .flatMap(rule -> ManifestsTest.<List<Map<String, Object>>>at(rule, "to").stream())
                    .filter(to -> to.containsKey("ipBlock"))
                    .map(to -> ManifestsTest.<Map<String, Object>>at(to, "ipBlock"))
                    .toList();
            Map<String, Object> ipv4 = blocks.stream().filter(b -> "0.0.0.0/0".equals(b.get("cidr"))).findFirst().orElseThrow();
            assertTrue(((List<?>) ipv4.get("except")).containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                    "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8")), overlay + ": internal IPv4 ranges are excepted");
            assertEquals(List.of("0.0.0.0/0", "2000::/3"), blocks.stream().map(b -> b.get("cidr")).toList(),
                    overlay + ": IPv6 only to global unicast addresses");
        }
    }

    @Test
    void behindTheIngressTheClientAddressComesFromItsForwardedHeader() {
        Map<String, Object> data = at(find(render("prod"), "ConfigMap"), "data");
        assertEquals("true", data.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        assertEquals("true", data.get("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
        assertTrue(String.valueOf(data.get("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES")).contains("10.0.0.0/8"),
                "only proxies inside the cluster are believed");
    }

    @Test
    void shutdownFitsInTheGracePeriod() {
        Map<String, Object> prod = find(render("prod"), "Deployment");
        Map<String, Object> config = find(render("prod"), "ConfigMap");
        int grace = at(prod, "spec", "template", "spec", "terminationGracePeriodSeconds");
        int delay = seconds(at(config, "data", "QUARKUS_SHUTDOWN_DELAY"));
        int timeout = seconds(at(config, "data", "QUARKUS_SHUTDOWN_TIMEOUT"));
        assertTrue(delay + timeout < grace, "delay " + delay + " s + timeout " + timeout + " s must end before SIGKILL at " + grace);
    }

    private static int seconds(String duration) {
        return Integer.parseInt(duration.replace("s", ""));
    }

    @Test
    void aMisspelledOrMistypedFieldIsRejected() {
        String prod = Kustomize.toYaml(render("prod"));
        assertProblem(prod.replace("containerPort: 8080", "contianerPort: 8080"), "unknown field 'contianerPort'");
        assertProblem(prod.replace("imagePullPolicy:", "imagePullPolicyy:"), "unknown field 'imagePullPolicyy'");
        assertProblem(prod.replace("replicas: 3", "replicas: two"), "replicas");
        assertProblem(prod.replace("memory: 96Mi", "memory: lots"), "not a quantity");
        assertProblem(prod.replace("kind: PodDisruptionBudget", "kind: PodDisruptionBudgett"), "unknown kind");
        assertProblem(prod.replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"),
                "unknown field 'readOnlyRootFileSystem'");
    }

    @Test
    void aWrongCloudNativePgFieldIsRejected() {
        String prod = Kustomize.toYaml(render("prod"));
        assertProblem(prod.replace("instances: 3", "instances: three"), "spec.instances: expected integer, found 'three'");
        assertProblem(prod.replace("instances: 3", "instances: 0"), "spec.instances: 0 is below the minimum 1");
        assertProblem(prod.replace("enableSuperuserAccess:", "enableSuperUserAccess:"), "unknown field 'enableSuperUserAccess'");
        assertProblem(prod.replace("podAntiAffinityType: required", "podAntiAffinityType: always"), "'always' is not one of");
        assertProblem(prod.replace("size: 50Gi", "size: fifty"), "spec.storage.size: 'fifty' is not a quantity");
        assertProblem(prod.replace("cpu: 500m", "cpus: 500m"), "spec.resources: unknown resource 'cpus'");
        assertProblem(prod.replace("  instances: 3\n", ""), "missing required field 'instances'");
    }

    private void assertProblem(String yaml, String expected) {
        List<String> problems = validator.problems(Kustomize.parse(yaml));
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem with '" + expected + "', got " + problems);
    }

    @Test
    void anOverlayPatchWithATypoOrNoTargetIsRejected(@TempDir Path dir) throws IOException {
        String base = K8S.resolve("base").toAbsolutePath().toString();
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - path: patch.yaml
                """.formatted(base));
        Files.writeString(dir.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: canvass
                spec:
                  template:
                    spec:
                      containers:
                        - name: canvass
                          resources:
                            limits:
                              memory: 512Mi
                          imagePullPolicyy: Always
                """);
        List<String> problems = validator.problems(Kustomize.render(dir));
        assertEquals(List.of("apps/v1 Deployment/canvass: .spec.template.spec.containers[0]: unknown field 'imagePullPolicyy'"),
                problems);

        Files.writeString(dir.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: canvas
                spec:
                  replicas: 4
                """);
        assertThrows(ManifestException.class, () -> Kustomize.render(dir));

        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources:
                  - %s
                commonLabels:
                  team: sales
                """.formatted(base));
        assertThrows(ManifestException.class, () -> Kustomize.render(dir));
    }
}
