package org.sundwerk.app.business;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.sundwerk.business.BusinessProblem;
import org.sundwerk.business.Text;
import org.sundwerk.business.partner.Address;
import org.sundwerk.business.partner.BankAccount;
import org.sundwerk.business.partner.Contact;
import org.sundwerk.business.partner.Iban;
import org.sundwerk.business.partner.LeitwegId;
import org.sundwerk.business.partner.Member;
import org.sundwerk.business.partner.Partner;
import org.sundwerk.business.partner.PartnerKind;
import org.sundwerk.business.partner.PartnerProfile;
import org.sundwerk.business.partner.PartnerTerms;
import org.sundwerk.business.partner.Transition;
import org.sundwerk.business.partner.VatId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partners as JSON: the full record (members and operators), the public profile (anyone: name,
 * kind, city, no bank data, no contacts), history, members and terms; and an application's body
 * read into a {@link PartnerProfile} (also the shape of the demo's {@code demo/partners.json}).
 * Field names are camelCase, enums lower-case.
 */
public final class PartnerJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PartnerJson() {}

  /** What anyone may read of an active partner. */
  static ObjectNode publicProfile(Partner partner) {
    ObjectNode json = NODES.objectNode();
    json.put("id", partner.id().value());
    json.put("kind", lower(partner.profile().kind()));
    json.put("displayName", partner.profile().displayName());
    json.put("city", partner.profile().address().city());
    return json;
  }

  /** The whole record, for the partner's members and the operators. */
  static ObjectNode full(Partner partner) {
    PartnerProfile profile = partner.profile();
    ObjectNode json = publicProfile(partner);
    json.put("legalName", profile.legalName());
    json.put("status", lower(partner.status()));
    ObjectNode address = json.putObject("address");
    address.put("street", profile.address().street());
    address.put("postcode", profile.address().postcode());
    address.put("city", profile.address().city());
    address.put("country", profile.address().country());
    ArrayNode contacts = json.putArray("contacts");
    for (Contact contact : profile.contacts()) {
      ObjectNode row = contacts.addObject();
      row.put("name", contact.name());
      row.put("role", contact.role());
      row.put("email", contact.email());
      contact.phone().ifPresent(phone -> row.put("phone", phone));
    }
    profile.vatId().ifPresent(vat -> json.put("vatId", vat.value()));
    profile
        .bankAccount()
        .ifPresent(
            bank -> {
              ObjectNode account = json.putObject("bankAccount");
              account.put("iban", bank.iban().value());
              bank.bic().ifPresent(bic -> account.put("bic", bic));
              account.put("holder", bank.holder());
            });
    profile.leitwegId().ifPresent(id -> json.put("leitwegId", id.value()));
    json.put("applicant", partner.applicant().value());
    json.put("appliedAt", partner.appliedAt().toString());
    json.put("changedAt", partner.changedAt().toString());
    return json;
  }

  static ObjectNode transition(Transition transition) {
    ObjectNode json = NODES.objectNode();
    transition.from().ifPresent(from -> json.put("from", lower(from)));
    json.put("to", lower(transition.to()));
    json.put("actor", transition.actor());
    json.put("at", transition.at().toString());
    transition.reason().ifPresent(reason -> json.put("reason", reason));
    transition.termsVersion().ifPresent(version -> json.put("termsVersion", version));
    return json;
  }

  static ObjectNode member(Member member) {
    ObjectNode json = NODES.objectNode();
    json.put("account", member.account().value());
    json.put("email", member.email());
    json.put("displayName", member.displayName());
    json.put("role", lower(member.role()));
    return json;
  }

  static ObjectNode terms(PartnerTerms terms) {
    ObjectNode json = NODES.objectNode();
    json.put("version", terms.version());
    json.put("effective", terms.effective().toString());
    ObjectNode text = json.putObject("text");
    text.put("de", terms.text().de());
    terms.text().en().ifPresent(en -> text.put("en", en));
    return json;
  }

  static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> each) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(item -> array.add(each.apply(item)));
    return array;
  }

  /**
   * An application's body: {@code kind}, {@code displayName}, {@code legalName}, {@code address}
   * ({@code street, postcode, city, country}), {@code contacts} ({@code name, role, email, phone}),
   * optional {@code vatId}, {@code bankAccount} ({@code iban, bic, holder}) and {@code leitwegId}.
   */
  public static PartnerProfile profile(JsonNode body) {
    JsonNode address = body.path("address");
    List<Contact> contacts = new ArrayList<>();
    for (JsonNode contact : body.path("contacts")) {
      contacts.add(
          new Contact(
              text(contact, "name"),
              text(contact, "role"),
              text(contact, "email"),
              optional(contact, "phone")));
    }
    JsonNode bank = body.path("bankAccount");
    return new PartnerProfile(
        enumOf(PartnerKind.class, text(body, "kind")),
        text(body, "displayName"),
        text(body, "legalName"),
        new Address(
            text(address, "street"),
            text(address, "postcode"),
            text(address, "city"),
            optional(address, "country").orElse("DE")),
        contacts,
        optional(body, "vatId").map(VatId::new),
        bank.isObject()
            ? Optional.of(
                new BankAccount(
                    new Iban(text(bank, "iban")), optional(bank, "bic"), text(bank, "holder")))
            : Optional.empty(),
        optional(body, "leitwegId").map(LeitwegId::new));
  }

  /** Terms to publish: {@code version}, {@code effective} (ISO date), {@code text.de/en}. */
  public static PartnerTerms termsOf(JsonNode body) {
    if (!body.path("version").canConvertToInt()) {
      throw BusinessProblem.invalid("version is a number");
    }
    LocalDate effective;
    try {
      effective = LocalDate.parse(text(body, "effective"));
    } catch (DateTimeParseException e) {
      throw BusinessProblem.invalid("effective is a date such as 2026-01-01");
    }
    JsonNode text = body.path("text");
    if (text(text, "de").isBlank()) {
      throw BusinessProblem.invalid("the terms need a German text");
    }
    return new PartnerTerms(
        body.path("version").asInt(),
        Text.of(text(text, "de"), optional(text, "en").orElse(null)),
        effective);
  }

  /** A text field; missing or blank is left to the value's own check (a required field). */
  static String text(JsonNode node, String field) {
    return node.path(field).asString("");
  }

  static Optional<String> optional(JsonNode node, String field) {
    return Optional.of(node.path(field).asString("")).filter(value -> !value.isBlank());
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw BusinessProblem.invalid("unknown " + type.getSimpleName() + ": " + value);
    }
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
