package org.sundwerk.portal.account;

import java.util.Comparator;
import java.util.Locale;
import org.sundwerk.access.account.Role;

/** A role as the account page names it: a message key and its arguments. */
record RoleText(String key, String tenant, String partner, String partnerRole) {

  static final Comparator<RoleText> ORDER =
      Comparator.comparing(RoleText::key)
          .thenComparing(RoleText::tenant)
          .thenComparing(RoleText::partner);

  static RoleText of(Role role) {
    return switch (role) {
      case Role.Platform platform -> new RoleText("role.platform", "", "", "");
      case Role.Operator operator ->
          new RoleText("role.operator", operator.tenant().name(), "", "");
      case Role.Member member ->
          new RoleText(
              "role.member",
              member.tenant().name(),
              member.partner().value(),
              member.role().name().toLowerCase(Locale.ROOT));
    };
  }
}
