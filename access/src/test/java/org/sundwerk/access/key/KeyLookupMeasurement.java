package org.sundwerk.access.key;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.sundwerk.access.AccessPolicy;
import org.sundwerk.access.AccessRequest;
import org.sundwerk.access.Actor;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.Operation;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.Visibility;
import org.sundwerk.access.account.AccountPolicy;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.PasswordHasher;
import org.sundwerk.access.account.PasswordRules;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.db.AccessDatabase;

/**
 * Not a test: measures what a request with an API key costs in this module (key -> actor ->
 * decision), uncached and cached, and one Argon2id login, for the numbers in {@link KeyActors}. Run
 * after {@code ./mvnw -o -q test-compile -pl access} and {@code ./mvnw -o -q
 * dependency:build-classpath -pl access -Dmdep.outputFile=/tmp/cp.txt}:
 *
 * <pre>
 * java -cp "$(cat /tmp/cp.txt):access/target/classes:access/target/test-classes" \
 *   -Dlogback.configurationFile=access/src/test/resources/logback-test.xml \
 *   org.sundwerk.access.key.KeyLookupMeasurement sqlite|jdbc:postgresql://... [requests]
 * </pre>
 */
public final class KeyLookupMeasurement {

  private KeyLookupMeasurement() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    try (AccessDatabase database =
        args[0].equals("sqlite")
            ? AccessDatabase.sqlite(Files.createTempDirectory("keys").resolve("sundwerk.db"))
            : AccessDatabase.postgres(args[0], "", "")) {
      SecureRandom random = new SecureRandom();
      Clock clock = Clock.systemUTC();
      Accounts accounts =
          new Accounts(
              database,
              clock,
              new PasswordHasher(PasswordHasher.Cost.OWASP, random),
              PasswordRules.standard(),
              AccountPolicy.DEFAULT,
              random);
      ApiKeys keys = new ApiKeys(database, clock, random);
      String password = "lange Messreihe am Morgen";
      var created = (Registration.Created) accounts.register("m@example.org", "M", password);
      accounts.verifyEmail(created.verificationToken());
      String key =
          keys.create(
                  created.account(),
                  Optional.empty(),
                  "measurement",
                  new KeyScope(Set.of(), Set.of(Operation.READ), Set.of()))
              .key();
      AccessPolicy policy = new AccessPolicy(Visibility.OPEN);
      AccessRequest request =
          AccessRequest.entities(TenantId.DEFAULT, Operation.READ, "https://example.org/T");
      for (Duration cacheFor : new Duration[] {Duration.ZERO, Duration.ofSeconds(30)}) {
        KeyActors actors = new KeyActors(keys, accounts, Optional.empty(), clock, cacheFor);
        Supplier<Boolean> one =
            () -> {
              Actor actor = actors.actorFor(key, TenantId.DEFAULT).orElseThrow();
              return policy.decide(actor, request).allowed();
            };
        measure(requests, one); // warm-up
        long[] nanos = measure(requests, one);
        System.out.printf(
            "%s, cache %s: key -> actor -> decision median %.1f us, p99 %.1f us%n",
            args[0].startsWith("jdbc:") ? "postgres" : "sqlite",
            cacheFor,
            nanos[requests / 2] / 1e3,
            nanos[requests * 99 / 100] / 1e3);
      }
      long start = System.nanoTime();
      accounts.login("m@example.org", password);
      System.out.printf(
          "one login, Argon2id at OWASP cost: %.1f ms%n", (System.nanoTime() - start) / 1e6);
    }
  }

  private static long[] measure(int requests, Supplier<Boolean> one) {
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      if (!one.get()) {
        throw new AssertionError("denied");
      }
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos;
  }
}
