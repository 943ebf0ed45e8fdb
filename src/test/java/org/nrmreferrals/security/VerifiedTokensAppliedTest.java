package org.nrmreferrals.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Tokens;

/**
 * The parser the security layer uses is the one {@link VerifiedTokens} decorates: a token parsed
 * twice gives the same verified principal (SmallRye's parser makes a new one each time), another
 * token its own, and a bad token is still refused after a good one was kept.
 */
@QuarkusTest
class VerifiedTokensAppliedTest {
  @Inject JWTParser parser;

  @Test
  void aVerifiedTokenIsKeptAndOnlyThatToken() throws ParseException {
    String token = Tokens.partner("POLICE_METROPOLITAN");
    var first = parser.parse(token);
    assertSame(first, parser.parse(token), "kept: not parsed and verified again");
    String other = Tokens.partner("POLICE_METROPOLITAN");
    var second = parser.parse(other);
    assertNotSame(first, second);
    assertEquals(token, first.getRawToken());
    assertEquals(other, second.getRawToken());
    assertThrows(ParseException.class, () -> parser.parse(token.substring(0, token.length() - 2)));
  }
}
