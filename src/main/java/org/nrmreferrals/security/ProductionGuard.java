package org.nrmreferrals.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start the packaged application without a token-verification key (a file, or a key set
 * over https), issuer, audience and maximum token age, or with the development key pair that is
 * committed to the repository.
 */
@Singleton
class ProductionGuard {
  /** SHA-256 of the DER form of {@code dev-keys/dev-public.pem}. */
  static final String DEV_KEY_SHA256 =
      "1918002802906b99e4db2a2e24e1ad5502f603b254264dbc348f3f342bf5489c";

  /** The longest a token may have been issued before it is used: a working day. */
  static final long MAX_TOKEN_AGE_SECONDS = 12 * 3600;

  void check(@Observes StartupEvent event, Config config) {
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      verify(config);
    }
  }

  static void verify(Config config) {
    Optional<String> inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
    Optional<String> location =
        config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
    if (inline.isEmpty() && location.isEmpty()) {
      refuse("no token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }
    String scheme = location.orElse("").toLowerCase(java.util.Locale.ROOT);
    if (scheme.startsWith("http:") || scheme.startsWith("classpath:")) {
      // Over plain http anyone on the path could give the service their own key; a key inside the
      // build is the same in every deployment of it.
      refuse(
          "the token key location is neither a file nor an https address: set"
              + " MP_JWT_VERIFY_PUBLICKEY_LOCATION to one");
    }
    if (config.getOptionalValue("mp.jwt.verify.issuer", String.class).isEmpty()) {
      refuse("no token issuer: set MP_JWT_VERIFY_ISSUER");
    }
    if (config.getOptionalValue("mp.jwt.verify.audiences", String.class).isEmpty()) {
      // Without it, a token the identity provider issued to any other service would do here.
      refuse("no token audience: set MP_JWT_VERIFY_AUDIENCES");
    }
    long age = config.getOptionalValue("mp.jwt.verify.token.age", Long.class).orElse(0L);
    if (age <= 0 || age > MAX_TOKEN_AGE_SECONDS) {
      refuse(
          "no maximum token age of 1 to "
              + MAX_TOKEN_AGE_SECONDS
              + " seconds: set MP_JWT_VERIFY_TOKEN_AGE");
    }
    if (config.getOptionalValue("nrm.statistics.threshold", Integer.class).orElse(10) < 2) {
      refuse("nrm.statistics.threshold below 2 would show analysts counts of single referrals");
    }
    String pem = inline.orElseGet(() -> read(location.get()));
    if (isDevelopmentKey(pem)) {
      refuse("the configured token key is the development key committed to the repository");
    }
  }

  /** True when the PEM text holds the committed development public key. */
  static boolean isDevelopmentKey(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
      return HexFormat.of().formatHex(digest).equals(DEV_KEY_SHA256);
    } catch (IllegalArgumentException e) {
      return false; // not PEM (for example a JWK set): cannot be the development key
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(String location) {
    if (location.startsWith("http:") || location.startsWith("https:")) {
      return "";
    }
    try {
      if (location.startsWith("classpath:")) {
        try (InputStream in =
            ProductionGuard.class.getClassLoader().getResourceAsStream(location.substring(10))) {
          return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
      }
      Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
      return Files.readString(path, StandardCharsets.US_ASCII);
    } catch (IOException | IllegalArgumentException e) {
      refuse("the token key at " + location + " cannot be read");
      return "";
    }
  }

  private static void refuse(String why) {
    throw new IllegalStateException("Refusing to start in production: " + why + ".");
  }
}
