package org.nrmreferrals.referral.duplicates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.nrmreferrals.Jdbc;
import org.nrmreferrals.NrmConfig;
import org.nrmreferrals.audit.Action;
import org.nrmreferrals.audit.AuditEvent;
import org.nrmreferrals.audit.AuditTrail;
import org.nrmreferrals.protection.BlindIndex;
import org.nrmreferrals.protection.BlindIndex.Entry;
import org.nrmreferrals.protection.KeyedDigests;
import org.nrmreferrals.referral.LikelyDuplicates;
import org.nrmreferrals.referral.PersonalData;
import org.nrmreferrals.referral.PersonalDataStore;
import org.nrmreferrals.referral.Referral;

/**
 * Finds likely earlier referrals of the same person, across agencies, through the blind index:
 * keyed digests of normalised names with date of birth or nationality, matched at intake and
 * re-keyed when the key-encryption key changes. Only caseworkers and admins learn of the matches:
 * the events name no agency, so no partner's feed, webhook or history carries them, and the
 * submitting partner's response is the same either way.
 */
@ApplicationScoped
public class Duplicates implements KeyedDigests {
  private final EntityManager em;
  private final BlindIndex index;
  private final AuditTrail audit;
  private final PersonalDataStore personalData;
  private final LikelyDuplicates likely;
  private final int maxMatches;

  Duplicates(
      EntityManager em,
      BlindIndex index,
      AuditTrail audit,
      PersonalDataStore personalData,
      LikelyDuplicates likely,
      NrmConfig config) {
    this.maxMatches = config.duplicates().maxMatches();
    if (maxMatches < 1) {
      throw new IllegalStateException("nrm.duplicates.max-matches must be at least 1");
    }
    this.personalData = personalData;
    this.likely = likely;
    this.em = em;
    this.index = index;
    this.audit = audit;
  }

  /**
   * Indexes a new referral's person: stores the referral's blind-index digests and the likely
   * duplicates they match, and returns those matches (other referral, matched on). Only the newest
   * earlier referrals are matched, at most {@code nrm.duplicates.max-matches}: each digest's newest
   * rows are read from the index (one bounded scan per digest), so a name and date of birth shared
   * by thousands of earlier referrals costs no more than one shared by a few. Writes no audit
   * event: {@link #announce} does, once the intake has its own.
   */
  public Map<UUID, TreeSet<String>> record(
      UUID referralId, PersonalData data, List<String> nationalities) {
    Map<UUID, TreeSet<String>> matches = new LinkedHashMap<>();
    if (data == null || (data.givenName() == null && data.familyName() == null)) {
      return matches;
    }
    List<Entry> all = index.entries(names(data), data.dateOfBirth(), nationalities);
    // Matched under every configured key; stored under the current one (listed first).
    List<Entry> current = all.stream().filter(e -> e.kekId().equals(all.get(0).kekId())).toList();
    if (!all.isEmpty()) {
      // Each digest's newest rows (enough for maxMatches referrals even if every one matched on
      // every digest), newest first; then the newest referrals among them.
      // Plain JDBC on the transaction's connection, here and in store: the index is never an
      // entity, and Hibernate's native queries cost more CPU than the statements.
      List<Match> rows =
          Jdbc.all(
              em,
              NEWEST_MATCHES,
              s -> {
                s.setArray(
                    1,
                    s.getConnection()
                        .createArrayOf("text", all.stream().map(Entry::digest).toArray()));
                s.setObject(2, referralId);
                s.setInt(3, maxMatches);
              },
              rs -> new Match(rs.getObject(1, UUID.class), rs.getString(2)));
      for (Match row : rows) {
        if (matches.containsKey(row.referral()) || matches.size() < maxMatches) {
          matches.computeIfAbsent(row.referral(), k -> new TreeSet<>()).add(row.kind());
        }
      }
    }
    store(referralId, current, null);
    likely.add(referralId, matches);
    return matches;
  }

  /** One audit event per likely duplicate that {@link #record} found; their digests. */
  public List<String> announce(UUID referralId, Map<UUID, TreeSet<String>> matches) {
    List<String> events = new java.util.ArrayList<>();
    for (Map.Entry<UUID, TreeSet<String>> m : matches.entrySet()) {
      events.add(
          audit.append(
              AuditEvent.of(Action.POSSIBLE_DUPLICATE)
                  .detail("referralId", referralId.toString())
                  .detail("otherReferralId", m.getKey().toString())
                  .detail("matchedOn", List.copyOf(m.getValue()))));
    }
    return events;
  }

  @Override
  public long underEarlierKeys() {
    return ((Number)
            em.createNativeQuery("select count(*) from referral_blind_index where kek_id <> ?1")
                .setParameter(1, index.currentKekId())
                .getSingleResult())
        .longValue();
  }

  /**
   * Recomputes under the current key the digests of referrals that have some under an earlier one,
   * from their personal data (opened with their data key, so after the re-wrap).
   */
  @Override
  public int rekeyBatch(int batch) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "select r.id from referral r where exists (select 1 from referral_blind_index b"
                    + " where b.referral_id = r.id and b.kek_id <> ?1)"
                    + " order by r.id limit ?2 for update of r skip locked")
            .setParameter(1, index.currentKekId())
            .setParameter(2, batch)
            .getResultList();
    for (UUID id : ids) {
      // Re-keyed rows keep their place in the order of indexing, so matching stays newest first.
      Number seq =
          (Number)
              em.createNativeQuery(
                      "select min(seq) from referral_blind_index where referral_id = ?1")
                  .setParameter(1, id)
                  .getSingleResult();
      forget(id);
      PersonalData data = personalData.find(id);
      Referral referral = em.find(Referral.class, id);
      if (data != null) {
        store(
            id,
            index.currentEntries(names(data), data.dateOfBirth(), referral.nationalities()),
            seq == null ? null : seq.longValue());
      }
    }
    return ids.size();
  }

  /** Stores digests, in the next place of the order of indexing or at {@code seq} (a re-key). */
  private void store(UUID referralId, List<Entry> entries, Long seq) {
    if (entries.isEmpty()) {
      return;
    }
    em.flush(); // the referral the rows name, if it is not in the database yet
    Jdbc.batch( // one round trip
        em,
        STORE,
        entries,
        (insert, e) -> {
          insert.setObject(1, referralId);
          insert.setString(2, e.kind());
          insert.setString(3, e.kekId());
          insert.setString(4, e.digest());
          insert.setLong(5, seq == null ? 0L : seq); // 0: the next place (from 1)
        });
  }

  /** An earlier referral whose index row has one of the new referral's digests. */
  private record Match(UUID referral, String kind) {}

  private static final String NEWEST_MATCHES =
      "select m.referral_id, m.kind, m.seq from unnest(?::text[]) as d(digest)"
          + " cross join lateral (select b.referral_id, b.kind, b.seq"
          + " from referral_blind_index b where b.digest = d.digest"
          + " and b.referral_id <> ? order by b.seq desc limit ?) m"
          + " order by m.seq desc";
  private static final String STORE =
      "insert into referral_blind_index (referral_id, kind, kek_id, digest, seq)"
          + " overriding system value values (?, ?, ?, ?, coalesce(nullif(?::bigint, 0),"
          + " nextval(pg_get_serial_sequence('referral_blind_index', 'seq'))))";

  /** The full name and then each alias. */
  private static List<String> names(PersonalData data) {
    List<String> names = new ArrayList<>();
    names.add(
        (data.givenName() == null ? "" : data.givenName())
            + " "
            + (data.familyName() == null ? "" : data.familyName()));
    names.addAll(data.aliases());
    return names;
  }

  /** Forgets a referral's digests (erased, or about to be indexed again under the current key). */
  public void forget(UUID referralId) {
    em.createNativeQuery("delete from referral_blind_index where referral_id = ?1")
        .setParameter(1, referralId)
        .executeUpdate();
  }

  /**
   * Forgets an erased referral: its digests, so it can no longer be matched, and its
   * likely-duplicate pairs, caseworkers' decisions on them included.
   */
  public void erase(UUID referralId) {
    forget(referralId);
    likely.forget(referralId);
  }
}
