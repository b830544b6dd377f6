package org.sundwerk.business.partner;

import java.util.Objects;
import java.util.Optional;
import org.sundwerk.business.BusinessProblem;

/** A person to talk to at the partner: name, function (e.g. "Geschäftsführung"), e-mail, phone. */
public record Contact(String name, String role, String email, Optional<String> phone) {

  public Contact {
    name = Fields.required(name, "contact name", 200);
    role = Fields.required(role, "contact role", 100);
    email = Fields.required(email, "contact e-mail", 254);
    int at = email.indexOf('@');
    if (at < 1 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      throw BusinessProblem.invalid("contact e-mail is not an e-mail address: " + email);
    }
    Objects.requireNonNull(phone, "phone");
    phone = phone.map(String::strip).filter(value -> !value.isEmpty());
    if (phone.isPresent() && !phone.get().matches("\\+?[0-9 ()/-]{3,30}")) {
      throw BusinessProblem.invalid("contact phone has digits, spaces, + ( ) / - only");
    }
  }
}
