package org.nrmreferrals.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.nrmreferrals.support.Rounds;

/**
 * The tree canonicalizer must give the erdtman library's bytes for every tree, or every chain
 * written before it would stop verifying: the library is the oracle here.
 */
class CanonicalJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static byte[] library(JsonNode node) throws IOException {
    return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedUTF8();
  }

  private static void same(JsonNode node) throws IOException {
    byte[] expected = library(node);
    byte[] actual = CanonicalJson.of(node);
    if (!Arrays.equals(expected, actual)) {
      assertEquals(
          new String(expected, StandardCharsets.UTF_8),
          new String(actual, StandardCharsets.UTF_8),
          "for " + JSON.writeValueAsString(node));
      assertArrayEquals(expected, actual, "for " + JSON.writeValueAsString(node));
    }
  }

  @Test
  void theRfcExampleGivesTheRfcBytes() throws IOException {
    JsonNode sample =
        JSON.readTree(
            "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + " \"literals\": [null, true, false]}");
    assertEquals(
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}",
        new String(CanonicalJson.of(sample), StandardCharsets.UTF_8));
    same(sample);
  }

  @Test
  void keysSortByUtf16CodeUnitsNotCodePoints() throws IOException {
    ObjectNode node = NODES.objectNode();
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FFFD in UTF-16 order.
    for (String key : new String[] {"\uFFFD", "\uD83D\uDE00", "b", "B", "", "a", "aa", "é"}) {
      node.put(key, key);
    }
    same(node);
  }

  /** The event's public fields as docs/design/audit-chain.md defines them, built as a tree. */
  private static ObjectNode publicFields(AuditRecord e) {
    ObjectNode node = NODES.objectNode();
    node.put("seq", e.seq());
    node.put("occurredAt", AuditChain.timestamp(e.occurredAt()));
    node.put("action", e.action());
    node.put("referralId", e.referralId() == null ? null : e.referralId().toString());
    node.put("agency", e.agency());
    node.put("actorRole", e.actorRole());
    node.put("actorAgency", e.actorAgency());
    node.put("actorDigest", e.actorDigest());
    node.put("fromStatus", e.fromStatus());
    node.put("toStatus", e.toStatus());
    node.put("requestId", e.requestId());
    node.set("details", e.details() == null ? NODES.objectNode() : e.details());
    return node;
  }

  private static AuditRecord event(Random random, JsonNode details) {
    return new AuditRecord(
        random.nextInt(1, Integer.MAX_VALUE) * (long) random.nextInt(1, 1 << 21),
        Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L),
        random.nextBoolean() ? "REFERRAL_SUBMITTED" : text(random),
        random.nextBoolean() ? UUID.randomUUID() : null,
        random.nextBoolean() ? "POLICE_METROPOLITAN" : null,
        text(random),
        random.nextBoolean() ? "partner" : text(random),
        random.nextBoolean() ? null : text(random),
        "00".repeat(16),
        "cd".repeat(32),
        random.nextBoolean() ? null : "SUBMITTED",
        random.nextBoolean() ? null : text(random),
        random.nextBoolean() ? null : text(random),
        details,
        null,
        null,
        null);
  }

  @Test
  void anAuditEventIsWrittenAsTheLibraryWritesItsPublicFields() throws IOException {
    ObjectNode details = NODES.objectNode();
    details.put("reasonDigest", "ab".repeat(32));
    details.putArray("changed").add("status").add("rgDecisionDueBy");
    details.put("count", 3).put("ratio", 0.25).put("note", "line\nbreak \"quoted\" \u0001");
    Random random = new Random(11);
    for (int i = 0; i < Rounds.of(200, 2_000); i++) {
      JsonNode d = i == 0 ? details : i % 7 == 0 ? null : object(random, 2);
      AuditRecord e = event(random, d);
      ObjectNode fields = publicFields(e);
      byte[] expected = library(fields);
      assertArrayEquals(
          expected,
          AuditChain.canonical(e, true),
          () -> "for " + new String(expected, StandardCharsets.UTF_8));
      // An event stored unsequenced: the same fields without its seq.
      fields.remove("seq");
      byte[] unsequenced = library(fields);
      assertArrayEquals(
          unsequenced,
          AuditChain.canonical(e, false),
          () -> "for " + new String(unsequenced, StandardCharsets.UTF_8));
    }
  }

  @Test
  void timestampsAreUtcWithSixFractionalDigitsTruncated() {
    // The canonical form every stored chain was hashed with; the JDK's formatter writes it.
    assertEquals("1970-01-01T00:00:00.000000Z", AuditChain.timestamp(Instant.EPOCH));
    assertEquals(
        "1969-12-31T23:59:59.999999Z",
        AuditChain.timestamp(Instant.ofEpochSecond(-1, 999_999_999)));
    assertEquals(
        "2024-02-29T12:00:00.000001Z",
        AuditChain.timestamp(Instant.ofEpochSecond(1_709_208_000, 1_000)));
    assertEquals(
        "0000-01-01T00:00:00.000000Z",
        AuditChain.timestamp(LocalDate.of(0, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    assertEquals(
        "9999-12-31T23:59:59.999999Z",
        AuditChain.timestamp(
            LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)));
    assertEquals(
        "+10000-01-01T00:00:00.000000Z",
        AuditChain.timestamp(LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant()));
  }

  @Test
  void numbersOfEveryKindGiveTheLibrarysBytes() throws IOException {
    Random random = new Random(7);
    ArrayNode numbers = NODES.arrayNode();
    numbers.add(0).add(-0.0).add(1.0).add(-1).add(Long.MAX_VALUE).add(Long.MIN_VALUE);
    numbers.add(9007199254740993L).add(1e21).add(1e-7).add(123456789012345680000.0);
    numbers.add(0.1f).add(3.4028235e38f).add(Double.MIN_VALUE).add(Double.MAX_VALUE);
    numbers.add(new BigDecimal("1E+3")).add(new BigDecimal("0.1000")).add(new BigDecimal("-7.5"));
    numbers.add(new BigInteger("123456789012345678901234567890"));
    for (int i = 0; i < Rounds.of(2_000, 20_000); i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        numbers.add(d);
      }
      numbers.add(random.nextInt());
      numbers.add(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
      numbers.add(random.nextFloat());
    }
    for (JsonNode number : numbers) {
      same(NODES.arrayNode().add(number));
    }
  }

  @Test
  void randomTreesGiveTheLibrarysBytes() throws IOException {
    Random random = new Random(2026);
    for (int i = 0; i < Rounds.of(500, 5_000); i++) {
      // The library takes an object or an array as the document, as the audit trail has.
      same(random.nextBoolean() ? object(random, 0) : NODES.arrayNode().add(tree(random, 0)));
    }
  }

  @Test
  void nodesTheTrailNeverHoldsGoThroughTheLibrary() throws IOException {
    ObjectNode node = NODES.objectNode();
    node.put("bytes", new byte[] {1, 2, 3, (byte) 0xff});
    node.putPOJO("pojo", Map.of("b", 1, "a", "x"));
    same(node);
  }

  @Test
  void notANumberIsRefusedNotWritten() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CanonicalJson.of(NODES.objectNode().put("x", Double.NaN)));
  }

  private static ObjectNode object(Random random, int depth) {
    ObjectNode object = NODES.objectNode();
    for (int n = random.nextInt(6); n > 0; n--) {
      object.set(text(random), tree(random, depth + 1));
    }
    return object;
  }

  private static JsonNode tree(Random random, int depth) {
    int kind = depth >= 5 ? 2 + random.nextInt(4) : random.nextInt(6);
    switch (kind) {
      case 0:
        return object(random, depth);
      case 1:
        ArrayNode array = NODES.arrayNode();
        for (int n = random.nextInt(6); n > 0; n--) {
          array.add(tree(random, depth + 1));
        }
        return array;
      case 2:
      case 3:
        return NODES.textNode(text(random));
      case 4:
        return random.nextBoolean()
            ? NODES.numberNode(random.nextLong() >> random.nextInt(64))
            : NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
      default:
        return random.nextBoolean() ? NODES.nullNode() : NODES.booleanNode(random.nextBoolean());
    }
  }

  /** Strings over the characters JCS treats specially, and some it must leave alone. */
  private static String text(Random random) {
    String[] pieces = {
      "a",
      "Z",
      "0",
      " ",
      "\"",
      "\\",
      "/",
      "\n",
      "\r",
      "\t",
      "\b",
      "\f",
      "\u0000",
      "\u001f",
      "\u007f",
      "é",
      "€",
      "\u2028",
      "\u2029",
      "\uD83D\uDE00",
      "\uFFFD",
      "\uD800",
      "ключ",
      "<"
    };
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(8); n > 0; n--) {
      s.append(pieces[random.nextInt(pieces.length)]);
    }
    return s.toString();
  }
}
