package dev.cosbot.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in for Slack's OpenID Connect provider: discovery, keys, an authorize endpoint that sends
 * the browser straight back with a code, and a token endpoint whose signed ID token names {@link
 * #user} — a real RS256 signature that quarkus-oidc verifies against the served key.
 */
public class SlackOidcStandIn implements QuarkusTestResourceLifecycleManager {
  static final String CLIENT_ID = "1234567890.0987654321";
  static final String CLIENT_SECRET = "stand-in-client-secret";

  static WireMockServer server;
  static KeyPair keys;

  /** The Slack member the next sign-in names. */
  static volatile String user = "U0ADMIN";

  @Override
  public Map<String, String> start() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      keys = g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    server = new WireMockServer(options().dynamicPort().jettyAcceptors(1));
    server.start();
    String base = server.baseUrl();
    server.stubFor(
        get(urlPathEqualTo("/.well-known/openid-configuration"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"issuer":"%1$s","authorization_endpoint":"%1$s/openid/connect/authorize",
                         "token_endpoint":"%1$s/api/openid.connect.token",
                         "userinfo_endpoint":"%1$s/api/openid.connect.userInfo",
                         "jwks_uri":"%1$s/openid/connect/keys","response_types_supported":["code"],
                         "subject_types_supported":["public"],
                         "id_token_signing_alg_values_supported":["RS256"],
                         "scopes_supported":["openid","profile","email"],
                         "token_endpoint_auth_methods_supported":["client_secret_post","client_secret_basic"]}
                        """
                            .formatted(base))));
    RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
    server.stubFor(
        get(urlPathEqualTo("/openid/connect/keys"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                            + b64(unsigned(pub.getModulus().toByteArray()))
                            + "\",\"e\":\""
                            + b64(unsigned(pub.getPublicExponent().toByteArray()))
                            + "\"}]}")));
    // Slack would ask the person to approve; the stand-in approves at once.
    server.stubFor(
        get(urlPathEqualTo("/openid/connect/authorize"))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader(
                        "Location",
                        "{{request.query.redirect_uri}}?code=stand-in-code&state={{request.query.state}}")
                    .withTransformers("response-template")));
    return Map.of(
        "quarkus.oidc.tenant-enabled", "true",
        "quarkus.oidc.auth-server-url", base,
        "quarkus.oidc.client-id", CLIENT_ID,
        "quarkus.oidc.credentials.secret", CLIENT_SECRET,
        "quarkus.oidc.authentication.force-redirect-https-scheme", "false",
        "cosbot.dashboard.slack-client-id", CLIENT_ID,
        "cosbot.dashboard.slack-client-secret", CLIENT_SECRET);
  }

  /** The token endpoint answers with an ID token for {@code userId}. */
  static void signsIn(String userId) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    String header = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
    String claims =
        "{\"iss\":\""
            + server.baseUrl()
            + "\",\"aud\":\""
            + CLIENT_ID
            + "\",\"sub\":\""
            + userId
            + "\",\"https://slack.com/user_id\":\""
            + userId
            + "\",\"https://slack.com/team_id\":\"T0ACME\",\"name\":\"Casey Chief\",\"iat\":"
            + now
            + ",\"exp\":"
            + (now + 600)
            + "}";
    String signingInput =
        b64(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(keys.getPrivate());
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String idToken = signingInput + "." + b64(rsa.sign());
    server.stubFor(
        post(urlPathEqualTo("/api/openid.connect.token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":true,\"access_token\":\"xoxp-stand-in\",\"token_type\":\"Bearer\",\"id_token\":\""
                            + idToken
                            + "\"}")));
  }

  private static byte[] unsigned(byte[] b) {
    return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
