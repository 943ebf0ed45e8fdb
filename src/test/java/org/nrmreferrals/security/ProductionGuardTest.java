package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProductionGuardTest {

  @Test
  void recognisesTheCommittedDevelopmentKey() throws Exception {
    assertTrue(
        ProductionGuard.isDevelopmentKey(Files.readString(Path.of("dev-keys/dev-public.pem"))));
  }

  @Test
  void acceptsAnyOtherKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    assertFalse(ProductionGuard.isDevelopmentKey(pem));
  }

  @Test
  void treatsNonPemKeysAsNotTheDevelopmentKey() {
    assertFalse(ProductionGuard.isDevelopmentKey("{\"keys\": []}"));
  }

  /** What the packaged application refuses to start with, each check on its own. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesToStartWith(String what, Map<String, String> settings, String because) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ProductionGuard.verify(config(settings)));
    assertTrue(e.getMessage().startsWith("Refusing to start in production: "), e.getMessage());
    assertTrue(e.getMessage().contains(because), e.getMessage());
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        arguments(
            "no token key",
            without("mp.jwt.verify.publickey.location"),
            "set MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
        arguments("no issuer", without("mp.jwt.verify.issuer"), "set MP_JWT_VERIFY_ISSUER"),
        arguments("no audience", without("mp.jwt.verify.audiences"), "set MP_JWT_VERIFY_AUDIENCES"),
        arguments(
            "no maximum token age",
            without("mp.jwt.verify.token.age"),
            "set MP_JWT_VERIFY_TOKEN_AGE"),
        arguments(
            "a maximum token age of more than a working day",
            with("mp.jwt.verify.token.age", "86400"),
            "set MP_JWT_VERIFY_TOKEN_AGE"),
        arguments(
            "a maximum token age of zero",
            with("mp.jwt.verify.token.age", "0"),
            "set MP_JWT_VERIFY_TOKEN_AGE"),
        arguments(
            "a key fetched over plain http",
            with("mp.jwt.verify.publickey.location", "http://idp.example/keys"),
            "neither a file nor an https address"),
        arguments(
            "a key fetched over plain http, in capitals",
            with("mp.jwt.verify.publickey.location", "HTTP://idp.example/keys"),
            "neither a file nor an https address"),
        arguments(
            "a key inside the build",
            with("mp.jwt.verify.publickey.location", "classpath:keys/public.pem"),
            "neither a file nor an https address"),
        arguments(
            "a statistics threshold that shows single referrals",
            with("nrm.statistics.threshold", "1"),
            "nrm.statistics.threshold below 2"),
        arguments(
            "the committed development key",
            with("mp.jwt.verify.publickey.location", "dev-keys/dev-public.pem"),
            "the configured token key is the development key committed to the repository"),
        arguments(
            "a key that cannot be read",
            with("mp.jwt.verify.publickey.location", "no/such/key.pem"),
            "cannot be read"));
  }

  @Test
  void startsWithAKeyOfItsOwnAnIssuerAnAudienceAndAMaximumAge() {
    ProductionGuard.verify(config(valid()));
  }

  @Test
  void startsWithAKeySetOverHttps() {
    ProductionGuard.verify(
        config(with("mp.jwt.verify.publickey.location", "https://idp.example/keys")));
  }

  private static Map<String, String> valid() {
    Map<String, String> settings = new HashMap<>();
    settings.put("mp.jwt.verify.publickey.location", OWN_KEY.toString());
    settings.put("mp.jwt.verify.issuer", "https://issuer.example/nrm");
    settings.put("mp.jwt.verify.audiences", "nrm-referrals");
    settings.put("mp.jwt.verify.token.age", "3600");
    return settings;
  }

  private static Map<String, String> without(String key) {
    Map<String, String> settings = valid();
    settings.remove(key);
    return settings;
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> settings = valid();
    settings.put(key, value);
    return settings;
  }

  private static Config config(Map<String, String> settings) {
    return new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(settings, "test", 100))
        .build();
  }

  private static final Path OWN_KEY = ownKey();

  private static Path ownKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Path file = Files.createTempFile("own-public", ".pem");
      file.toFile().deleteOnExit();
      Files.writeString(
          file,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder()
                  .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
