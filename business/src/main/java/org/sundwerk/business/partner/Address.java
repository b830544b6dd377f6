package org.sundwerk.business.partner;

import java.util.Locale;
import org.sundwerk.business.BusinessProblem;

/** A postal address; {@code country} is an ISO 3166-1 alpha-2 code such as {@code DE}. */
public record Address(String street, String postcode, String city, String country) {

  public Address {
    street = Fields.required(street, "street", 200);
    postcode = Fields.required(postcode, "postcode", 16);
    city = Fields.required(city, "city", 100);
    country = Fields.required(country, "country", 2).toUpperCase(Locale.ROOT);
    if (!country.matches("[A-Z]{2}")) {
      throw BusinessProblem.invalid("country is a two-letter code such as DE");
    }
  }
}
