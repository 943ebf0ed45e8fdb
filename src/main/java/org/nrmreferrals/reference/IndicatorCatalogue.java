package org.nrmreferrals.reference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current indicator catalogue. It changes only by migration, so it is read once at start-up and
 * every referral records the version it was checked against.
 */
@Startup
@ApplicationScoped
public class IndicatorCatalogue {
  private final IndicatorCatalogueView current;
  private final Set<String> codes;
  private final Map<String, String> htcdsNames;

  IndicatorCatalogue(EntityManager em) {
    this.current = QuarkusTransaction.requiringNew().call(() -> load(em));
    this.codes =
        current.indicators().stream()
            .map(IndicatorView::code)
            .collect(Collectors.toUnmodifiableSet());
    this.htcdsNames =
        current.indicators().stream()
            .filter(i -> i.htcdsName() != null)
            .collect(Collectors.toUnmodifiableMap(IndicatorView::code, IndicatorView::htcdsName));
  }

  private static IndicatorCatalogueView load(EntityManager em) {
    Object[] head =
        (Object[])
            em.createNativeQuery(
                    "select version, published_on::text from indicator_catalogue"
                        + " order by version desc limit 1")
                .getSingleResult();
    int version = ((Number) head[0]).intValue();
    List<IndicatorView> indicators =
        em.createQuery(
                "from Indicator i where i.key.catalogueVersion = :v order by i.key.code",
                Indicator.class)
            .setParameter("v", version)
            .getResultStream()
            .map(i -> new IndicatorView(i.key.code(), i.label, i.group, i.htcdsName))
            .toList();
    return new IndicatorCatalogueView(version, LocalDate.parse((String) head[1]), indicators);
  }

  public int version() {
    return current.version();
  }

  public boolean contains(String code) {
    return codes.contains(code);
  }

  /** The HTCDS 2.0 method-of-control value an indicator stands for, if any. */
  public Optional<String> htcdsName(String code) {
    return Optional.ofNullable(htcdsNames.get(code));
  }

  IndicatorCatalogueView view() {
    return current;
  }

  /** The catalogue as served. */
  record IndicatorCatalogueView(
      int version, LocalDate publishedOn, List<IndicatorView> indicators) {}
}
