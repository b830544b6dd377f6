package org.sundwerk.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to a key's creation, the one place its secret is shown. {@link #toString} leaves the
 * secret out: Spring MVC logs response bodies at DEBUG by their {@code toString}, which {@code
 * SecretsNotLoggedTest} caught with a JSON node here.
 *
 * @param partner the partner the key acts for; null (left out of the JSON) when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IssuedKey(
    String id,
    String key,
    String name,
    String partner,
    List<String> tenants,
    List<String> operations,
    List<String> entityTypes) {

  @Override
  public String toString() {
    return "IssuedKey[id=" + id + ", name=" + name + "]";
  }
}
