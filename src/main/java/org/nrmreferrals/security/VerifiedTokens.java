package org.nrmreferrals.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Keeps a bearer token that passed SmallRye JWT's checks (signature, issuer, expiry) for a few
 * seconds, so that a client's next request with the same token is not parsed and verified again: a
 * partner system sends one token with many requests, and the JSON parsing and RSA check were a
 * tenth of an audited read's CPU (bench/report.md).
 *
 * <p>The key is the whole token, signature included, so a token differing in any byte is checked
 * afresh. An entry lives {@link #ttl} at most: never past the token's own {@code exp} (the parser
 * itself allows {@code mp.jwt.verify.clock.skew} beyond it, so the cache is never the more lenient)
 * nor past its {@code iat} plus the maximum token age ({@code mp.jwt.verify.token.age}), and no
 * more than {@code MAX_AGE}, so a change of verification key or configuration (a maximum token age,
 * say) reaches every token within that time. Failures are never cached.
 */
@Decorator
@Priority(1)
abstract class VerifiedTokens implements JWTParser {
  static final Duration MAX_AGE = Duration.ofSeconds(30);
  private static final int MAX_TOKENS = 1_000;

  private final JWTParser parser;
  private final Optional<Long> maxTokenAge;
  private final Cache<String, JsonWebToken> verified =
      Caffeine.newBuilder()
          .maximumSize(MAX_TOKENS)
          .expireAfter(
              new Expiry<String, JsonWebToken>() {
                @Override
                public long expireAfterCreate(String token, JsonWebToken jwt, long now) {
                  return ttl(deadline(jwt), Instant.now()).toNanos();
                }

                @Override
                public long expireAfterUpdate(String t, JsonWebToken jwt, long now, long left) {
                  return left;
                }

                @Override
                public long expireAfterRead(String t, JsonWebToken jwt, long now, long left) {
                  return left;
                }
              })
          .build();

  @Inject
  VerifiedTokens(
      @Delegate JWTParser parser,
      @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxTokenAge) {
    this.parser = parser;
    this.maxTokenAge = maxTokenAge;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken known = verified.getIfPresent(token);
    if (known != null && ttl(deadline(known), Instant.now()).compareTo(Duration.ZERO) > 0) {
      return known;
    }
    JsonWebToken jwt = parser.parse(token);
    if (ttl(deadline(jwt), Instant.now()).compareTo(Duration.ZERO) > 0) {
      verified.put(token, jwt);
    }
    return jwt;
  }

  /** The second after which the token is no longer accepted: its expiry, or its maximum age. */
  private long deadline(JsonWebToken jwt) {
    if (maxTokenAge.isEmpty()) {
      return jwt.getExpirationTime(); // iat may be absent then
    }
    return deadline(jwt.getExpirationTime(), jwt.getIssuedAtTime(), maxTokenAge);
  }

  static long deadline(long expiresAt, long issuedAt, Optional<Long> maxTokenAge) {
    if (maxTokenAge.isEmpty()) {
      return expiresAt;
    }
    long tooOld;
    try {
      tooOld = Math.addExact(issuedAt, maxTokenAge.get());
    } catch (ArithmeticException e) {
      tooOld = maxTokenAge.get() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return Math.min(expiresAt, tooOld);
  }

  /** How long a token verified now may be kept: until its deadline, {@link #MAX_AGE} at most. */
  static Duration ttl(long expiresAtEpochSecond, Instant now) {
    if (expiresAtEpochSecond <= now.getEpochSecond()) {
      return Duration.ZERO;
    }
    long seconds = expiresAtEpochSecond - now.getEpochSecond(); // whole seconds, as exp counts
    return seconds < MAX_AGE.getSeconds() ? Duration.ofSeconds(seconds) : MAX_AGE;
  }
}
