package org.sundwerk.business.offer;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sundwerk.business.Text;
import org.sundwerk.business.VatRate;

/**
 * What a provider writes when it creates or edits an offer. {@code serviceRef} is the catalog
 * service's slug.
 */
public record OfferDraft(
    String serviceRef,
    Text name,
    Text terms,
    BusinessModel model,
    VatRate vat,
    LocalDate validFrom,
    Optional<LocalDate> validUntil,
    Optional<DataProduct> dataProduct) {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

  public OfferDraft {
    Objects.requireNonNull(serviceRef, "serviceRef");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(vat, "vat");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(dataProduct, "dataProduct");
    if (!SLUG.matcher(serviceRef).matches()) {
      throw new IllegalArgumentException("a service is named by its slug: " + serviceRef);
    }
    if (name.de().isBlank() || terms.de().isBlank()) {
      throw new IllegalArgumentException("an offer has a German name and German terms");
    }
  }

  /** The price this draft asks for, as version {@code version}. */
  Price price(int version) {
    return new Price(version, model, vat, validFrom, validUntil);
  }
}
