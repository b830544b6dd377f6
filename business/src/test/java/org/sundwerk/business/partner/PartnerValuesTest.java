package org.sundwerk.business.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sundwerk.business.BusinessProblem;

/** The checked fields of a partner's profile: IBAN, VAT id, Leitweg-ID, and who needs which. */
class PartnerValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"DE89 3704 0044 0532 0130 00", "de89370400440532013000", "GB82WEST12345698765432"})
  void acceptsIbansWithRightCheckDigits(String iban) {
    assertThat(new Iban(iban).value()).doesNotContain(" ").isUpperCase();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE88370400440532013000", "DE8937040044053201300", "XX", "DE89-3704"})
  void refusesWrongIbans(String iban) {
    assertThatThrownBy(() -> new Iban(iban)).isInstanceOf(BusinessProblem.class);
  }

  @Test
  void groupsAnIbanInFours() {
    assertThat(new Iban("DE89370400440532013000").grouped())
        .isEqualTo("DE89 3704 0044 0532 0130 00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE12345678", "DE1234567890", "AT123456789", "DE12345678A"})
  void refusesVatIdsThatAreNotDeAndNineDigits(String vat) {
    assertThatThrownBy(() -> new VatId(vat)).isInstanceOf(BusinessProblem.class);
  }

  @Test
  void acceptsAGermanVatId() {
    assertThat(new VatId("de 123456789").value()).isEqualTo("DE123456789");
  }

  @ParameterizedTest
  @ValueSource(strings = {"04011000-1234512345-06", "991-33333TEST-33", "13073088-68"})
  void acceptsLeitwegIdsWithRightCheckDigits(String value) {
    assertThat(new LeitwegId(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "04011000-1234512345-07",
        "1-06",
        "04011000-1234512345",
        "04011000--06",
        "04011000-A-B-06"
      })
  void refusesWrongLeitwegIds(String value) {
    assertThatThrownBy(() -> new LeitwegId(value)).isInstanceOf(BusinessProblem.class);
  }

  @Test
  void computesLeitwegCheckDigits() {
    assertThat(LeitwegId.withCheckDigits("04011000", "1234512345").value())
        .isEqualTo("04011000-1234512345-06");
  }

  @Test
  void aCityOfficeNeedsALeitwegIdAndABusinessMayNotHaveOne() {
    Address address = new Address("Alter Markt 1", "18439", "Stralsund", "DE");
    List<Contact> contacts =
        List.of(new Contact("A. Beispiel", "Amt", "a@stralsund.example", Optional.empty()));
    Optional<LeitwegId> leitweg = Optional.of(LeitwegId.withCheckDigits("13073088", "RATHAUS"));

    assertThatThrownBy(
            () ->
                new PartnerProfile(
                    PartnerKind.CITY_OFFICE,
                    "Stadt",
                    "Stadt",
                    address,
                    contacts,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(BusinessProblem.class);
    assertThatThrownBy(
            () ->
                new PartnerProfile(
                    PartnerKind.BUSINESS,
                    "Laden",
                    "Laden GmbH",
                    address,
                    contacts,
                    Optional.empty(),
                    Optional.empty(),
                    leitweg))
        .isInstanceOf(BusinessProblem.class);
    assertThat(
            new PartnerProfile(
                    PartnerKind.CITY_OFFICE,
                    "Stadt",
                    "Stadt",
                    address,
                    contacts,
                    Optional.empty(),
                    Optional.empty(),
                    leitweg)
                .leitwegId())
        .isEqualTo(leitweg);
  }
}
