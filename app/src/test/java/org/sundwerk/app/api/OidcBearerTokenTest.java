package org.sundwerk.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.LinkedIdentity;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.account.Role;

/**
 * OIDC access tokens on the NGSI-LD API, issued by a real provider in the test JVM: a token is the
 * account linked to its issuer and subject, with the roles Sundwerk's tables give it; every token
 * that is not valid here is answered 401 with a challenge, even where an anonymous read would pass.
 */
@ExtendWith(OutputCaptureExtension.class)
class OidcBearerTokenTest extends OidcApiTest {

  @Test
  void aFirstTokenCreatesAResidentWhoReadsAndWritesOnceAnOperatorGrantsTheRole() {
    assertThat(http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:a")).status())
        .isEqualTo(201);
    String email = uniqueEmail();
    Http erika = bearer(OidcProvider.token("erika-" + tenant, OidcProvider.verified(email)));

    assertThat(erika.get(ENTITIES + "/urn:ngsi-ld:OffStreetParking:a").status()).isEqualTo(200);
    assertThat(erika.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:b")).status())
        .isEqualTo(403);

    AccountId account = accounts.findByEmail(email).orElseThrow().id();
    assertThat(identities.of(account))
        .extracting(LinkedIdentity::issuer, LinkedIdentity::subject)
        .containsExactly(tuple(OidcProvider.issuer(), "erika-" + tenant));
    accounts.grant(account, new Role.Operator(TenantId.of(tenant)));

    assertThat(erika.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:b")).status())
        .isEqualTo(201);
    assertThat(erika.delete(ENTITIES + "/urn:ngsi-ld:OffStreetParking:a").status()).isEqualTo(204);
  }

  @Test
  void aFirstTokenLinksTheLocalAccountThatHoldsTheVerifiedAddress() {
    String email = uniqueEmail();
    Registration.Created local =
        (Registration.Created) accounts.register(email, "Erika", "lange Rede, kurzer Sinn");
    accounts.verifyEmail(local.verificationToken()).orElseThrow();

    http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:a"));

    Http erika = bearer(OidcProvider.token("linked-" + tenant, OidcProvider.verified(email)));
    assertThat(erika.get(ENTITIES + "?type=OffStreetParking").status()).isEqualTo(200);
    accounts.grant(local.account(), new Role.Operator(TenantId.of(tenant)));

    assertThat(identities.of(local.account())).hasSize(1);
    assertThat(erika.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:c")).status())
        .isEqualTo(201);
  }

  @Test
  void aTokenWithoutAVerifiedAddressLinksNothing() {
    String email = uniqueEmail();
    Map<String, Object> unverified = Map.of("email", email, "email_verified", false);

    Http.Response answer =
        bearer(OidcProvider.token("unverified-" + tenant, unverified)).get(ENTITIES + "?type=A");

    assertRefused(answer);
    assertThat(accounts.findByEmail(email)).isEmpty();
  }

  @Test
  void theOperatorsAddressDoesNotMakeATokenTheOperator() {
    Http.Response answer =
        bearer(OidcProvider.token("mallory-" + tenant, OidcProvider.verified("admin@localhost")))
            .post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:d"));

    assertRefused(answer);
    AccountId operator = accounts.findByEmail("admin@localhost").orElseThrow().id();
    assertThat(identities.of(operator)).isEmpty();
  }

  @Test
  void theConfiguredRealmRoleMakesATokenAPlatformOperator() {
    Map<String, Object> claims = new LinkedHashMap<>(OidcProvider.verified(uniqueEmail()));
    claims.put("realm_access", Map.of("roles", List.of("offline_access", "sundwerk-operator")));
    Http operator = bearer(OidcProvider.token("op-" + tenant, claims));
    Http resident =
        bearer(OidcProvider.token("res-" + tenant, OidcProvider.verified(uniqueEmail())));

    assertThat(operator.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:e")).status())
        .isEqualTo(201);
    assertThat(operator.get("/actuator/metrics").status()).isEqualTo(200);
    assertThat(resident.get("/actuator/metrics").status()).isEqualTo(403);
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() {
    String token =
        OidcProvider.token(
            "elsewhere",
            "erika-" + tenant,
            List.of(OidcProvider.AUDIENCE),
            OidcProvider.verified(uniqueEmail()),
            3600);

    assertRefused(bearer(token).get(ENTITIES + "?type=OffStreetParking"));
  }

  @Test
  void anExpiredTokenIsRefusedBeyondASmallClockSkew() {
    http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:a"));
    String email = uniqueEmail();
    String expiredLongAgo =
        OidcProvider.issuedAgo(
            Duration.ofHours(2),
            Duration.ofHours(1),
            "erika-" + tenant,
            OidcProvider.verified(email));
    String expired45sAgo =
        OidcProvider.issuedAgo(
            Duration.ofSeconds(105),
            Duration.ofSeconds(60),
            "erika-" + tenant,
            OidcProvider.verified(email));
    String expired5sAgo =
        OidcProvider.issuedAgo(
            Duration.ofSeconds(65),
            Duration.ofSeconds(60),
            "erika-" + tenant,
            OidcProvider.verified(email));

    assertRefused(bearer(expiredLongAgo).get(ENTITIES + "?type=OffStreetParking"));
    assertRefused(bearer(expired45sAgo).get(ENTITIES + "?type=OffStreetParking"));
    assertThat(bearer(expired5sAgo).get(ENTITIES + "?type=OffStreetParking").status())
        .isEqualTo(200);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token =
        OidcProvider.token(
            OidcProvider.REALM,
            "erika-" + tenant,
            List.of("another-service"),
            OidcProvider.verified(uniqueEmail()),
            3600);

    assertRefused(bearer(token).get(ENTITIES + "?type=OffStreetParking"));
  }

  @Test
  void malformedUnsignedAndForgedTokensAreRefused() throws Exception {
    String unsigned =
        base64Url("{\"alg\":\"none\"}")
            + "."
            + base64Url(
                "{\"iss\":\""
                    + OidcProvider.issuer()
                    + "\",\"sub\":\"x\",\"aud\":\""
                    + OidcProvider.AUDIENCE
                    + "\",\"exp\":4102444800}")
            + ".";

    assertRefused(bearer("abc.def.ghi").get(ENTITIES + "?type=OffStreetParking"));
    assertRefused(bearer(unsigned).get(ENTITIES + "?type=OffStreetParking"));
    assertRefused(bearer(forged()).get(ENTITIES + "?type=OffStreetParking"));
  }

  @Test
  void tokensNamingUnknownKeysDoNotMakeSundwerkFetchTheProvidersKeysEachTime(CapturedOutput output)
      throws Exception {
    http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:a"));
    assertThat(
            bearer(OidcProvider.token("keys-" + tenant, OidcProvider.verified(uniqueEmail())))
                .get(ENTITIES + "?type=OffStreetParking")
                .status())
        .isEqualTo(200);
    OidcProvider.keyRequestsSinceLastCall();

    for (int i = 0; i < 20; i++) {
      assertRefused(bearer(forged("unknown-" + i)).get(ENTITIES + "?type=OffStreetParking"));
    }

    // Nimbus's limiter allows two fetches per 30 s.
    assertThat(OidcProvider.keyRequestsSinceLastCall()).isLessThanOrEqualTo(2);
    assertThat(output.getAll()).contains("Refused a bearer token signed with an unknown key");
    assertThat(output.getAll()).doesNotContain("could not be fetched");
  }

  @Test
  void noBearerTokenAppearsInTheLogs(CapturedOutput output) throws Exception {
    String valid = OidcProvider.token("logged-" + tenant, OidcProvider.verified(uniqueEmail()));
    String expired =
        OidcProvider.issuedAgo(
            Duration.ofMinutes(2),
            Duration.ofSeconds(60),
            "logged-" + tenant,
            OidcProvider.verified(uniqueEmail()));
    String wrongAudience =
        OidcProvider.token(
            OidcProvider.REALM,
            "x-" + tenant,
            List.of("other"),
            Map.of("email_verified", true),
            60);
    String forged = forged();
    String malformed =
        base64Url("{\"alg\":\"RS256\"}")
            + "."
            + base64Url("no JSON " + UUID.randomUUID())
            + "."
            + base64Url(UUID.randomUUID().toString());
    http.post(ENTITIES, entity("urn:ngsi-ld:OffStreetParking:a"));

    assertThat(bearer(valid).get(ENTITIES + "?type=OffStreetParking").status()).isEqualTo(200);
    for (String refused : List.of(expired, wrongAudience, forged, malformed)) {
      assertThat(bearer(refused).get(ENTITIES + "?type=A").status()).isEqualTo(401);
      assertThat(bearer(refused).post(ENTITIES, entity("urn:ngsi-ld:A:1")).status()).isEqualTo(401);
    }

    assertThat(output.getAll())
        .contains("Created account")
        .contains("Refused a bearer token: Jwt expired")
        .contains("Refused a malformed or badly signed bearer token");
    for (String token : List.of(valid, expired, wrongAudience, forged, malformed)) {
      String[] parts = token.split("\\.");
      assertThat(output.getAll()).doesNotContain(parts[1]).doesNotContain(parts[2]);
    }
  }

  private static void assertRefused(Http.Response answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(answer.header("Content-Type")).contains("application/problem+json");
    assertThat(answer.json().path("status").asInt()).isEqualTo(401);
  }

  /** A key the realm never published; the key id in a forged token's header is made up. */
  private static final RSAKey FORGER = generateKey();

  private static RSAKey generateKey() {
    try {
      return new RSAKeyGenerator(2048).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A token that claims the realm as issuer but is signed with a key the realm never published. */
  private String forged() throws Exception {
    return forged("forged");
  }

  private String forged(String keyId) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(),
            new JWTClaimsSet.Builder()
                .issuer(OidcProvider.issuer())
                .subject("forged-" + tenant)
                .audience(OidcProvider.AUDIENCE)
                .claim("email", "admin@localhost")
                .claim("email_verified", true)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                .build());
    jwt.sign(new RSASSASigner(FORGER));
    return jwt.serialize();
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
