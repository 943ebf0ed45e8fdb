package org.nrmreferrals.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests that quarkus-kubernetes generates at package time
 * (target/kubernetes/kubernetes.json, the same objects as kubernetes.yml) hold what running the
 * service needs: probes on the health endpoints, resource requests and limits, configuration from a
 * ConfigMap and Secrets, and no container but the service's own.
 */
class KubernetesManifestIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<JsonNode> objects;
  private static JsonNode container;
  private static JsonNode podSpec;

  @BeforeAll
  static void read() throws Exception {
    JsonNode all = JSON.readTree(Files.readString(Path.of("target/kubernetes/kubernetes.json")));
    objects = new ArrayList<>();
    all.forEach(objects::add);
    JsonNode deployment = only("Deployment");
    podSpec = deployment.at("/spec/template/spec");
    assertEquals(1, podSpec.path("containers").size(), "one container");
    container = podSpec.path("containers").get(0);
    assertEquals("nrm-referrals", deployment.at("/metadata/name").asText());
  }

  @Test
  void probesTheHealthEndpoints() {
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    // On the management interface, which the Service does not expose.
    for (String probe : List.of("/livenessProbe", "/readinessProbe", "/startupProbe")) {
      assertEquals(9000, container.at(probe + "/httpGet/port").asInt(), probe);
    }
    List<Integer> exposed = new ArrayList<>();
    only("Service").at("/spec/ports").forEach(p -> exposed.add(p.path("targetPort").asInt()));
    assertEquals(List.of(8080), exposed, "the Service exposes the public port only");
    assertTrue(
        container.at("/startupProbe/failureThreshold").asInt()
                * container.at("/startupProbe/periodSeconds").asInt()
            >= 120,
        "two minutes to migrate and start before the pod is restarted");
  }

  @Test
  void setsResourceRequestsAndLimits() {
    JsonNode resources = container.path("resources");
    for (String field :
        List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
      assertFalse(resources.at(field).asText().isBlank(), field);
    }
    assertEquals("768Mi", resources.at("/limits/memory").asText());
    // Memory requested is memory the pod may use: no overcommit of a node by this service.
    assertEquals(resources.at("/limits/memory"), resources.at("/requests/memory"));
    Map<String, String> env = new HashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
    assertEquals("50", env.get("JAVA_MAX_MEM_RATIO"), "the heap: half the container's memory");
    assertEquals(
        "-XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20",
        env.get("GC_CONTAINER_OPTIONS"));
    assertEquals("2", env.get("MALLOC_ARENA_MAX"));
  }

  @Test
  void takesConfigurationFromAConfigMapAndSecrets() {
    List<String> sources = new ArrayList<>();
    container
        .path("envFrom")
        .forEach(
            s -> {
              if (s.has("configMapRef")) {
                sources.add("configMap:" + s.at("/configMapRef/name").asText());
              }
              if (s.has("secretRef")) {
                sources.add("secret:" + s.at("/secretRef/name").asText());
              }
            });
    assertTrue(sources.contains("configMap:nrm-referrals-config"), sources.toString());
    assertTrue(sources.contains("secret:nrm-referrals-secrets"), sources.toString());
    JsonNode mount = container.path("volumeMounts").get(0);
    assertEquals("/etc/nrm-referrals/keys", mount.path("mountPath").asText());
    assertTrue(mount.path("readOnly").asBoolean(), "key files are mounted read-only");
    JsonNode volume = podSpec.path("volumes").get(0);
    assertEquals("nrm-referrals-keys", volume.at("/secret/secretName").asText());
    assertEquals(0400, volume.at("/secret/defaultMode").asInt(), "keys readable by the owner only");
  }

  @Test
  void runsOnlyTheServiceItselfAsNonRootInSeveralReplicas() {
    assertTrue(podSpec.path("securityContext").path("runAsNonRoot").asBoolean());
    assertTrue(podSpec.path("initContainers").isMissingNode(), "no init container");
    assertTrue(only("Deployment").at("/spec/replicas").asInt() >= 2);
    assertTrue(objects.stream().noneMatch(o -> o.path("kind").asText().equals("Job")));
    assertEquals("ClusterIP", only("Service").at("/spec/type").asText());
  }

  private static JsonNode only(String kind) {
    List<JsonNode> found =
        objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    assertEquals(1, found.size(), kind);
    return found.get(0);
  }
}
