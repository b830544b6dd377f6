package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Role;
import org.sundwerk.app.TestKeys;

/**
 * Hosted {@code @context} documents serve every tenant and have no owner: anyone reads them,
 * operators and partner writers (of the default tenant) add them, and only operators delete them,
 * since a deleted context breaks every payload that names it.
 */
class ContextsAccessTest extends ApiTest {

  private static final String CONTEXTS = "/ngsi-ld/v1/jsonldContexts";
  private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
      new java.util.concurrent.atomic.AtomicInteger();

  @Autowired ApplicationContext context;

  @Test
  void anonymousClientsCannotAddOrDeleteContexts() {
    String id = added(http);
    Http anonymous = http.anonymous();

    Http.Response add = anonymous.send("POST", CONTEXTS, context(), Http.LD_JSON);
    Http.Response delete = anonymous.delete(CONTEXTS + "/" + id);

    for (Http.Response answer : new Http.Response[] {add, delete}) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate"))
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(anonymous.get(CONTEXTS + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void residentsAndOperatorsOfOneTenantCannotChangeThePlatformsContexts() {
    String id = added(http);
    TestKeys keys = new TestKeys(context);
    Http resident = http.key(keys.key(TestKeys.all()));
    Http cityOperator = http.key(keys.key(TestKeys.all(), TestKeys.operatorOf("stralsund")));

    for (Http caller : new Http[] {resident, cityOperator}) {
      assertThat(caller.send("POST", CONTEXTS, context(), Http.LD_JSON).status()).isEqualTo(403);
      assertThat(caller.delete(CONTEXTS + "/" + id).status()).isEqualTo(403);
    }
    assertThat(http.get(CONTEXTS + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void aPartnerWriterAddsContextsButDeletesNone() {
    PartnerId partner = new PartnerId("stadtwerke");
    Http editor =
        http.key(
            new TestKeys(context)
                .key(
                    TestKeys.all(),
                    Optional.of(partner),
                    new Role.Member(TenantId.DEFAULT, partner, PartnerRole.EDITOR)));
    String own = added(editor);
    String others = added(http);

    assertThat(editor.delete(CONTEXTS + "/" + own).status()).isEqualTo(403);
    assertThat(editor.delete(CONTEXTS + "/" + others).status()).isEqualTo(403);
    assertThat(http.delete(CONTEXTS + "/" + own).status()).isEqualTo(204);
    assertThat(http.get(CONTEXTS + "/" + own).status()).isEqualTo(404);
  }

  /** A context of its own per call: equal documents might be hosted once. */
  private static String context() {
    return "{\"@context\": {\"Kiosk\": \"https://sundwerk.org/ns/Kiosk"
        + SERIAL.incrementAndGet()
        + "\"}}";
  }

  /** Hosts the context as {@code caller} and returns its local id. */
  private static String added(Http caller) {
    Http.Response added = caller.send("POST", CONTEXTS, context(), Http.LD_JSON);
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String url = added.header("Location").orElseThrow();
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
