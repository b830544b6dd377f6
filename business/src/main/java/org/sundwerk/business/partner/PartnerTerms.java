package org.sundwerk.business.partner;

import java.time.LocalDate;
import java.util.Objects;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;

/**
 * One version of a tenant's partner terms: Markdown in German and English, in force from {@code
 * effective} (a date in the tenant's time zone; compared with the clock's UTC date). Versions count
 * up from 1 and are never changed once published: a partner accepts a version.
 */
public record PartnerTerms(int version, Text text, LocalDate effective) {

  public PartnerTerms {
    if (version < 1) {
      throw BusinessProblem.invalid("terms versions count from 1");
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(effective, "effective");
  }
}
