package dev.cosbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the Helm chart in-process (helm-java, no helm binary) and checks what Kubernetes would
 * receive.
 */
class HelmChartTest {

  private static final Path CHART = Paths.get("helm", "cos-bot");
  private static final String RELEASE = "cb";
  private static final String NAMESPACE = "cos-bot";
  private static final String FULLNAME = "cb-cos-bot";
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void lintReportsNoErrorsOrWarnings() {
    LintResult result = new Helm(CHART).lint().strict().call();

    assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.startsWith("[ERROR]") || m.startsWith("[WARNING]"));
  }

  @Test
  void templateWithoutDatabaseFailsEarlyWithAClearMessage() {
    assertThatThrownBy(() -> template().call())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("VALUES VALIDATION")
        .hasMessageContaining("external PostgreSQL")
        .hasMessageContaining("externalDatabase.host")
        .hasMessageContaining("externalDatabase.jdbcUrl");
  }

  @Test
  void defaultValuesRenderTwoReplicasWithSafeRollingUpdates() {
    Rendered rendered = render(template().set("externalDatabase.host", "db"));

    JsonNode deployment = rendered.one("Deployment");
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo(FULLNAME);
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
    assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
        .isEqualTo(30);
    assertThat(YAML.convertValue(deployment.at("/spec/selector/matchLabels"), Map.class))
        .isEqualTo(
            Map.of("app.kubernetes.io/name", "cos-bot", "app.kubernetes.io/instance", RELEASE));

    JsonNode container = container(deployment);
    assertThat(container.at("/image").asText()).isEqualTo("ghcr.io/cos-bot/cos-bot:0.1.0");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
    assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("250m");
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("384Mi");
    assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("1");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("768Mi");
  }

  @Test
  void podRunsAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
    JsonNode deployment = render(template().set("externalDatabase.host", "db")).one("Deployment");
    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = container(deployment);

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(mountPaths(container))
        .containsEntry("tmp", "/tmp")
        .containsEntry("data", "/var/lib/cos-bot");
    assertThat(pod.at("/volumes"))
        .anySatisfy(
            v -> {
              assertThat(v.at("/name").asText()).isEqualTo("tmp");
              assertThat(v.has("emptyDir")).isTrue();
            });
  }

  @Test
  void probesUseTheFixedQuarkusHealthPathsOnTheManagementPortAndCanBeDisabled() {
    JsonNode container =
        container(render(template().set("externalDatabase.host", "db")).one("Deployment"));

    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(container.at("/startupProbe/httpGet/port").asText()).isEqualTo("management");
    assertThat(container.at("/ports/1/name").asText()).isEqualTo("management");
    assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(9000);
    assertThat(value(env(container), "QUARKUS_MANAGEMENT_PORT")).isEqualTo("9000");
    assertThat(container.at("/livenessProbe").has("enabled"))
        .as("toggle leaks into the probe")
        .isFalse();

    JsonNode withoutProbes =
        container(
            render(
                    template()
                        .set("externalDatabase.host", "db")
                        .set("livenessProbe.enabled", false)
                        .set("readinessProbe.enabled", false)
                        .set("startupProbe.enabled", false))
                .one("Deployment"));
    assertThat(withoutProbes.has("livenessProbe")).isFalse();
    assertThat(withoutProbes.has("readinessProbe")).isFalse();
    assertThat(withoutProbes.has("startupProbe")).isFalse();
  }

  @Test
  void credentialsComeFromTheRenderedSecretAndConfigIsPlainEnv() {
    Rendered rendered =
        render(
            template()
                .set("externalDatabase.host", "db.internal")
                .set("externalDatabase.port", 6543)
                .set("externalDatabase.database", "bot")
                .set("externalDatabase.user", "bot_user")
                .set("cosbot.admins[0]", "U01")
                .set("cosbot.admins[1]", "U02")
                .set("cosbot.cxo", "U99"));
    Map<String, JsonNode> env = env(container(rendered.one("Deployment")));

    assertThat(env.get("SLACK_BOT_TOKEN").at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo(FULLNAME);
    assertThat(secretKey(env, "SLACK_BOT_TOKEN")).isEqualTo("slack-bot-token");
    assertThat(secretKey(env, "SLACK_SIGNING_SECRET")).isEqualTo("slack-signing-secret");
    assertThat(secretKey(env, "SLACK_APP_TOKEN")).isEqualTo("slack-app-token");
    assertThat(secretKey(env, "COSBOT_API_TOKEN")).isEqualTo("api-token");
    assertThat(secretKey(env, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("database-password");
    assertThat(secretKey(env, "COSBOT_PULSE_BALLOT_SECRET")).isEqualTo("pulse-ballot-secret");
    assertThat(secretKey(env, "COSBOT_SLACK_CLIENT_SECRET")).isEqualTo("slack-client-secret");
    assertThat(
            env.get("COSBOT_PULSE_BALLOT_SECRET")
                .at("/valueFrom/secretKeyRef/optional")
                .asBoolean())
        .as("the app refuses to start without it")
        .isFalse();
    assertThat(env.get("SLACK_APP_TOKEN").at("/valueFrom/secretKeyRef/optional").asBoolean())
        .isTrue();
    assertThat(env.get("SLACK_BOT_TOKEN").at("/valueFrom/secretKeyRef/optional").asBoolean())
        .isFalse();

    assertThat(value(env, "QUARKUS_DATASOURCE_JDBC_URL"))
        .isEqualTo("jdbc:postgresql://db.internal:6543/bot");
    assertThat(value(env, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("bot_user");
    assertThat(value(env, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
    assertThat(value(env, "SLACK_API_URL")).isEqualTo("https://slack.com/api/");
    assertThat(value(env, "COSBOT_ADMINS")).isEqualTo("U01,U02");
    assertThat(value(env, "COSBOT_CXO")).isEqualTo("U99");
    assertThat(value(env, "COSBOT_DATA_DIR")).isEqualTo("/var/lib/cos-bot");
    assertThat(value(env, "COSBOT_LOG_JSON")).isEqualTo("true");
    assertThat(value(env, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).isEqualTo("15");
    assertThat(value(env, "JAVA_MAX_MEM_RATIO")).isEqualTo("75");
    assertThat(value(env, "JAVA_OPTS_APPEND")).contains("-XX:MaxRAMPercentage=75");
    assertThat(env).doesNotContainKey("COSBOT_PUBLIC_URL");
  }

  @Test
  void jdbcUrlOverridesHostPortAndDatabase() {
    String url =
        "jdbc:postgresql://primary:5432,replica:5432/cosbot?sslmode=require&targetServerType=primary";
    Map<String, JsonNode> env =
        env(container(render(template().set("externalDatabase.jdbcUrl", url)).one("Deployment")));

    assertThat(value(env, "QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo(url);
  }

  @Test
  void secretIsRenderedWithEmptyDefaultsAndRollsThePodsWhenItChanges() {
    Rendered rendered = render(template().set("externalDatabase.host", "db"));

    JsonNode secret = rendered.one("Secret");
    assertThat(secret.at("/metadata/name").asText()).isEqualTo(FULLNAME);
    assertThat(fieldNames(secret.at("/data")))
        .containsExactlyInAnyOrder(
            "slack-bot-token", "slack-signing-secret", "pulse-ballot-secret", "database-password");
    assertThat(secret.at("/data/slack-bot-token").asText())
        .as("no demo secret in values.yaml")
        .isEmpty();

    String checksum = checksum(rendered.one("Deployment"));
    assertThat(checksum).matches("[0-9a-f]{64}");

    Rendered withTokens =
        render(
            template()
                .set("externalDatabase.host", "db")
                .set("slack.botToken", "xoxb-test")
                .set("slack.appToken", "xapp-test")
                .set("slack.clientSecret", "client-test")
                .set("cosbot.apiToken", "admin-test")
                .set("cosbot.ballotSecret", "ballot-test-0123456789"));
    assertThat(fieldNames(withTokens.one("Secret").at("/data")))
        .containsExactlyInAnyOrder(
            "slack-bot-token",
            "slack-signing-secret",
            "slack-app-token",
            "slack-client-secret",
            "api-token",
            "pulse-ballot-secret",
            "database-password");
    assertThat(withTokens.one("Secret").at("/data/slack-bot-token").asText())
        .isEqualTo(
            Base64.getEncoder().encodeToString("xoxb-test".getBytes(StandardCharsets.UTF_8)));
    assertThat(checksum(withTokens.one("Deployment"))).isNotEqualTo(checksum);
  }

  @Test
  void existingSecretsAreReferencedAndNoSecretIsRendered() {
    Rendered rendered =
        render(
            template()
                .set("externalDatabase.host", "db")
                .set("existingSecret", "cos-bot-credentials")
                .set("secretKeys.slackBotToken", "bot-token"));

    assertThat(rendered.all("Secret")).isEmpty();
    JsonNode deployment = rendered.one("Deployment");
    assertThat(deployment.at("/spec/template/metadata/annotations").has("checksum/secret"))
        .isFalse();
    Map<String, JsonNode> env = env(container(deployment));
    assertThat(
            env.values().stream()
                .filter(e -> e.has("valueFrom"))
                .map(e -> e.at("/valueFrom/secretKeyRef/name").asText()))
        .hasSize(7)
        .containsOnly("cos-bot-credentials");
    assertThat(secretKey(env, "SLACK_BOT_TOKEN")).isEqualTo("bot-token");
    assertThat(secretKey(env, "SLACK_SIGNING_SECRET")).isEqualTo("slack-signing-secret");
    assertThat(secretKey(env, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("database-password");

    // The database password from the secret a PostgreSQL operator keeps, the rest from ours.
    Rendered operator =
        render(
            template()
                .set("externalDatabase.host", "db")
                .set("existingSecret", "cos-bot-credentials")
                .set("externalDatabase.existingSecret", "cosbot-db-app")
                .set("externalDatabase.existingSecretPasswordKey", "pw"));
    assertThat(operator.all("Secret")).isEmpty();
    Map<String, JsonNode> operatorEnv = env(container(operator.one("Deployment")));
    assertThat(
            operatorEnv
                .get("QUARKUS_DATASOURCE_PASSWORD")
                .at("/valueFrom/secretKeyRef/name")
                .asText())
        .isEqualTo("cosbot-db-app");
    assertThat(secretKey(operatorEnv, "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("pw");

    // Only the database password external: the chart's own Secret holds no password key.
    Rendered own =
        render(
            template()
                .set("externalDatabase.host", "db")
                .set("externalDatabase.existingSecret", "cosbot-db-app"));
    assertThat(fieldNames(own.one("Secret").at("/data"))).doesNotContain("database-password");
  }

  @Test
  void aReleaseWithoutThePulseSecretFailsEarlyUnlessItComesFromAnExistingSecret() {
    assertThatThrownBy(() -> bareTemplate().set("externalDatabase.host", "db").call())
        .hasMessageContaining("VALUES VALIDATION")
        .hasMessageContaining("cosbot.ballotSecret")
        .hasMessageContaining("openssl rand");
    assertThatThrownBy(
            () ->
                bareTemplate()
                    .set("externalDatabase.host", "db")
                    .set("cosbot.ballotSecret", "short")
                    .call())
        .as("at least 16 characters, as the app requires")
        .hasMessageContaining("ballotSecret");
    Rendered existing =
        render(
            bareTemplate()
                .set("externalDatabase.host", "db")
                .set("existingSecret", "cos-bot-credentials"));
    assertThat(secretKey(env(container(existing.one("Deployment"))), "COSBOT_PULSE_BALLOT_SECRET"))
        .isEqualTo("pulse-ballot-secret");
  }

  @Test
  void theSchemaRejectsAWrongTypeAndAnUnknownKeyAtInstallTime() {
    assertThatThrownBy(
            () -> template().set("externalDatabase.host", "db").set("replicaCount", "three").call())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replicaCount");
    assertThatThrownBy(
            () ->
                template()
                    .set("externalDatabase.host", "db")
                    .set("externalDatabase.port", "x")
                    .call())
        .hasMessageContaining("port");
    assertThatThrownBy(
            () -> template().set("externalDatabase.host", "db").set("postgresql.host", "db").call())
        .as("the old postgresql.* keys are refused, not silently ignored")
        .hasMessageContaining("postgresql");
    assertThatThrownBy(
            () -> template().set("externalDatabase.host", "db").set("image.tagg", "1.0").call())
        .hasMessageContaining("tagg");
    assertThatThrownBy(
            () ->
                template()
                    .set("externalDatabase.host", "db")
                    .set("cosbot.settings.COSBOT_DIGEST_SENDAT", "08:00")
                    .call())
        .hasMessageContaining("COSBOT_DIGEST_SENDAT");
    assertThatThrownBy(
            () -> template().set("externalDatabase.host", "db").set("replicaCount", 0).call())
        .hasMessageContaining("replicaCount");
  }

  @Test
  void oneReplicaRendersNoDisruptionBudgetAndNoSpread() {
    Rendered rendered =
        render(template().set("externalDatabase.host", "db").set("replicaCount", 1));

    assertThat(rendered.all("PodDisruptionBudget"))
        .as("a PDB with one replica would block every node drain")
        .isEmpty();
    assertThat(
            rendered.one("Deployment").at("/spec/template/spec").has("topologySpreadConstraints"))
        .isFalse();
  }

  @Test
  void threeReplicasRenderADisruptionBudgetAndSpreadOverNodesAndZones() {
    Rendered rendered =
        render(template().set("externalDatabase.host", "db").set("replicaCount", 3));

    JsonNode deployment = rendered.one("Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    JsonNode pdb = rendered.one("PodDisruptionBudget");
    assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(pdb.at("/spec/selector/matchLabels"))
        .isEqualTo(deployment.at("/spec/selector/matchLabels"));

    JsonNode spread = deployment.at("/spec/template/spec/topologySpreadConstraints");
    assertThat(spread).hasSize(2);
    assertThat(
            StreamSupport.stream(spread.spliterator(), false)
                .map(c -> c.at("/topologyKey").asText()))
        .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
    for (JsonNode constraint : spread) {
      assertThat(constraint.at("/maxSkew").asInt()).isEqualTo(1);
      assertThat(constraint.at("/whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
      assertThat(constraint.at("/labelSelector/matchLabels"))
          .isEqualTo(deployment.at("/spec/selector/matchLabels"));
    }
  }

  @Test
  void everySettingTheReadmeListsIsReachableThroughValues() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]+)`").matcher(readme);
    List<String> variables = new ArrayList<>();
    while (m.find()) {
      variables.add(m.group(1));
    }
    assertThat(variables).contains("COSBOT_PUBLIC_URL", "COSBOT_LOG_JSON", "COSBOT_DIGEST_SEND_AT");

    TemplateCommand command =
        template()
            .set("externalDatabase.host", "db")
            .set("slack.apiUrl", "https://slack-gov.com/api/")
            .set("cosbot.admins[0]", "U01")
            .set("cosbot.cxo", "U99")
            .set("cosbot.publicUrl", "https://bot.example.com")
            .set("slack.clientId", "123.456")
            .set("cosbot.logJson", false);
    List<String> settings = new ArrayList<>();
    for (String variable : variables) {
      if (!DEDICATED.contains(variable)) {
        command = command.set("cosbot.settings." + variable, "x");
        settings.add(variable);
      }
    }
    Map<String, JsonNode> env = env(container(render(command).one("Deployment")));
    for (String variable : variables) {
      assertThat(env).as("README setting %s reaches the container", variable).containsKey(variable);
    }
    assertThat(env).containsKey("QUARKUS_DATASOURCE_PASSWORD");
    for (String setting : settings) {
      assertThat(value(env, setting)).isEqualTo("x");
    }
    assertThat(value(env, "COSBOT_PUBLIC_URL")).isEqualTo("https://bot.example.com");
    assertThat(value(env, "COSBOT_LOG_JSON")).isEqualTo("false");
  }

  /** README variables with a value of their own (the others go through cosbot.settings). */
  private static final java.util.Set<String> DEDICATED =
      java.util.Set.of(
          "SLACK_BOT_TOKEN",
          "SLACK_SIGNING_SECRET",
          "SLACK_APP_TOKEN",
          "SLACK_API_URL",
          "COSBOT_ADMINS",
          "COSBOT_CXO",
          "COSBOT_DATA_DIR",
          "COSBOT_API_TOKEN",
          "COSBOT_LOG_JSON",
          "COSBOT_PUBLIC_URL",
          "COSBOT_PULSE_BALLOT_SECRET",
          "COSBOT_SLACK_CLIENT_ID",
          "QUARKUS_HTTP_PORT",
          "QUARKUS_MANAGEMENT_PORT",
          "QUARKUS_DATASOURCE_JDBC_URL",
          "QUARKUS_DATASOURCE_USERNAME");

  @Test
  void publicUrlDefaultsToTheFirstIngressHost() {
    Map<String, JsonNode> env =
        env(
            container(
                render(
                        template()
                            .set("externalDatabase.host", "db")
                            .set("ingress.enabled", true)
                            .set("ingress.hosts[0].host", "bot.example.com")
                            .set("ingress.tls[0].secretName", "bot-tls")
                            .set("ingress.tls[0].hosts[0]", "bot.example.com"))
                    .one("Deployment")));
    assertThat(value(env, "COSBOT_PUBLIC_URL")).isEqualTo("https://bot.example.com");
  }

  @Test
  void serviceExposesPort80OnTheHttpContainerPort() {
    JsonNode service = render(template().set("externalDatabase.host", "db")).one("Service");

    assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/ports/1/name").asText()).isEqualTo("management");
    assertThat(service.at("/spec/ports/1/targetPort").asText()).isEqualTo("management");
  }

  @Test
  void podDisruptionBudgetKeepsOnePodWithTheDefaultTwoReplicas() {
    Rendered rendered = render(template().set("externalDatabase.host", "db"));

    JsonNode pdb = rendered.one("PodDisruptionBudget");
    assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(pdb.at("/spec/selector/matchLabels"))
        .isEqualTo(rendered.one("Deployment").at("/spec/selector/matchLabels"));

    assertThat(
            render(template().set("externalDatabase.host", "db").set("pdb.enabled", false))
                .all("PodDisruptionBudget"))
        .isEmpty();
  }

  @Test
  void serviceAccountDoesNotMountAnApiToken() {
    Rendered rendered = render(template().set("externalDatabase.host", "db"));

    JsonNode serviceAccount = rendered.one("ServiceAccount");
    assertThat(serviceAccount.at("/automountServiceAccountToken").asBoolean()).isFalse();
    assertThat(rendered.one("Deployment").at("/spec/template/spec/serviceAccountName").asText())
        .isEqualTo(serviceAccount.at("/metadata/name").asText());
  }

  @Test
  void ingressAndServiceMonitorAreRenderedOnlyWhenEnabled() {
    Rendered defaults = render(template().set("externalDatabase.host", "db"));
    assertThat(defaults.all("Ingress")).isEmpty();
    assertThat(defaults.all("ServiceMonitor")).isEmpty();

    Rendered enabled =
        render(
            template()
                .set("externalDatabase.host", "db")
                .set("ingress.enabled", true)
                .set("metrics.serviceMonitor.enabled", true));

    JsonNode ingress = enabled.one("Ingress");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("cos-bot.example.com");
    assertThat(paths(ingress))
        .containsExactly("/slack/events", "/api/v1", "/calendar", "/privacy", "/app");
    assertThat(ingress.at("/spec/rules/0/http/paths"))
        .as("the Ingress never routes to the management port")
        .allSatisfy(p -> assertThat(p.at("/backend/service/port/name").asText()).isEqualTo("http"));
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText())
        .isEqualTo(FULLNAME);

    JsonNode serviceMonitor = enabled.one("ServiceMonitor");
    assertThat(serviceMonitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
    assertThat(serviceMonitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
    assertThat(serviceMonitor.at("/spec/namespaceSelector/matchNames/0").asText())
        .isEqualTo(NAMESPACE);
  }

  @Test
  void nonDefaultValuesFileIsHonoured(@TempDir Path dir) throws IOException {
    Path values =
        Files.writeString(
            dir.resolve("values-prod.yaml"),
            """
        replicaCount: 3
        image:
          repository: registry.example.com/cos-bot
          tag: "1.2.3"
        externalDatabase:
          host: pg.example.com
        existingSecret: prod-credentials
        resources:
          requests:
            cpu: 500m
            memory: 512Mi
          limits:
            cpu: "2"
            memory: 1Gi
        podAnnotations:
          example.com/team: chief-of-staff
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: ScheduleAnyway
            labelSelector:
              matchLabels:
                app.kubernetes.io/name: cos-bot
        extraEnv:
          - name: QUARKUS_LOG_LEVEL
            value: DEBUG
        ingress:
          enabled: true
          className: nginx
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt
          hosts:
            - host: bot.example.com
              paths:
                - path: /slack/events
                  pathType: Exact
          tls:
            - secretName: bot-example-com-tls
              hosts:
                - bot.example.com
        metrics:
          serviceMonitor:
            enabled: true
            labels:
              release: kube-prometheus-stack
        """);

    Rendered rendered = render(template().withValuesFile(values));

    JsonNode deployment = rendered.one("Deployment");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/spec/template/metadata/annotations/example.com~1team").asText())
        .isEqualTo("chief-of-staff");
    assertThat(
            deployment.at("/spec/template/spec/topologySpreadConstraints/0/topologyKey").asText())
        .isEqualTo("topology.kubernetes.io/zone");
    JsonNode container = container(deployment);
    assertThat(container.at("/image").asText()).isEqualTo("registry.example.com/cos-bot:1.2.3");
    assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
    assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("512Mi");
    assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("2");
    assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
    Map<String, JsonNode> env = env(container);
    assertThat(value(env, "QUARKUS_LOG_LEVEL")).isEqualTo("DEBUG");
    assertThat(value(env, "QUARKUS_DATASOURCE_JDBC_URL"))
        .isEqualTo("jdbc:postgresql://pg.example.com:5432/cosbot");
    assertThat(rendered.all("Secret")).isEmpty();

    JsonNode ingress = rendered.one("Ingress");
    assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
    assertThat(ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer").asText())
        .isEqualTo("letsencrypt");
    assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("bot-example-com-tls");
    assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("bot.example.com");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("bot.example.com");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/pathType").asText()).isEqualTo("Exact");
    assertThat(paths(ingress)).containsExactly("/slack/events");

    assertThat(rendered.one("ServiceMonitor").at("/metadata/labels/release").asText())
        .isEqualTo("kube-prometheus-stack");
  }

  /** A release with the one value every install needs besides the database: the pulse secret. */
  private static TemplateCommand template() {
    return bareTemplate().set("cosbot.ballotSecret", BALLOT_SECRET);
  }

  private static TemplateCommand bareTemplate() {
    return new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
  }

  private static final String BALLOT_SECRET = "test-ballot-secret-0123456789";

  private static Rendered render(TemplateCommand command) {
    String manifests = command.call();
    try {
      List<JsonNode> documents =
          YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests).readAll();
      return new Rendered(documents.stream().filter(d -> d != null && d.has("kind")).toList());
    } catch (IOException e) {
      throw new AssertionError("rendered manifests are not valid YAML:\n" + manifests, e);
    }
  }

  private static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  private static Map<String, JsonNode> env(JsonNode container) {
    return StreamSupport.stream(container.at("/env").spliterator(), false)
        .collect(Collectors.toMap(e -> e.at("/name").asText(), e -> e));
  }

  private static String value(Map<String, JsonNode> env, String name) {
    assertThat(env).containsKey(name);
    assertThat(env.get(name).has("valueFrom")).as("%s must be plain config", name).isFalse();
    return env.get(name).at("/value").asText();
  }

  private static String secretKey(Map<String, JsonNode> env, String name) {
    assertThat(env).containsKey(name);
    assertThat(env.get(name).has("value")).as("%s must not be a literal", name).isFalse();
    return env.get(name).at("/valueFrom/secretKeyRef/key").asText();
  }

  private static Map<String, String> mountPaths(JsonNode container) {
    return StreamSupport.stream(container.at("/volumeMounts").spliterator(), false)
        .collect(Collectors.toMap(m -> m.at("/name").asText(), m -> m.at("/mountPath").asText()));
  }

  private static String checksum(JsonNode deployment) {
    return deployment.at("/spec/template/metadata/annotations/checksum~1secret").asText();
  }

  private static List<String> paths(JsonNode ingress) {
    return StreamSupport.stream(ingress.at("/spec/rules/0/http/paths").spliterator(), false)
        .map(p -> p.at("/path").asText())
        .toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The documents of one `helm template` run, looked up by kind. */
  private record Rendered(List<JsonNode> documents) {

    List<JsonNode> all(String kind) {
      return documents.stream().filter(d -> kind.equals(d.at("/kind").asText())).toList();
    }

    JsonNode one(String kind) {
      List<JsonNode> matches = all(kind);
      assertThat(matches).as("rendered %s resources", kind).hasSize(1);
      return matches.get(0);
    }
  }
}
