package org.sundwerk.access.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sundwerk.access.AccountId;
import org.sundwerk.access.Actor;
import org.sundwerk.access.KeyScope;
import org.sundwerk.access.MutableClock;
import org.sundwerk.access.Operation;
import org.sundwerk.access.PartnerId;
import org.sundwerk.access.PartnerRole;
import org.sundwerk.access.Secrets;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.account.Account;
import org.sundwerk.access.account.AccountPolicy;
import org.sundwerk.access.account.Accounts;
import org.sundwerk.access.account.ExternalIdentity;
import org.sundwerk.access.account.Identities;
import org.sundwerk.access.account.IdentityLink;
import org.sundwerk.access.account.LinkedIdentity;
import org.sundwerk.access.account.LoginResult;
import org.sundwerk.access.account.PasswordHasher;
import org.sundwerk.access.account.PasswordProblem;
import org.sundwerk.access.account.PasswordReset;
import org.sundwerk.access.account.PasswordRules;
import org.sundwerk.access.account.Registration;
import org.sundwerk.access.account.Role;
import org.sundwerk.access.audit.AuditEvent;
import org.sundwerk.access.audit.AuditLog;
import org.sundwerk.access.key.ApiKeys;
import org.sundwerk.access.key.CreatedKey;
import org.sundwerk.access.key.KeyActors;
import org.sundwerk.access.key.KeyGrant;
import org.sundwerk.access.key.KeyListing;

/**
 * The contract of the access tables (accounts, keys, audit log) on every database: subclass it in a
 * few lines per dialect. Each test gets a new, empty database.
 */
public abstract class AccessStoreContract {

  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
  private static final String PASSWORD = "lange Rede, kurzer Sinn";
  private static final TenantId CITY = TenantId.of("city");
  private static final PartnerId PARKCO = new PartnerId("parkco");
  private static final String PARKING = "https://smartdatamodels.org/dataModel.Parking/ParkingSpot";

  /** Makes the next {@link #openNode} and {@link #plainDataSource} use a new, empty database. */
  protected abstract void createEmptyDatabase() throws Exception;

  /** A new node on the current database: its own pool, migrated if needed. */
  protected abstract AccessDatabase openNode();

  /** Plain connections to the current database, for another module's Flyway. */
  protected abstract DataSource plainDataSource();

  private final MutableClock clock = new MutableClock(START);
  private final SecureRandom random = new SecureRandom();
  private final List<AccessDatabase> nodes = new ArrayList<>();
  private AccessDatabase database;
  private Accounts accounts;
  private ApiKeys keys;
  private AuditLog audit;

  @BeforeEach
  void open() throws Exception {
    createEmptyDatabase();
    database = node();
    accounts = accounts(database);
    keys = new ApiKeys(database, clock, random);
    audit = new AuditLog(database, clock);
  }

  @AfterEach
  void close() {
    nodes.forEach(AccessDatabase::close);
  }

  private AccessDatabase node() {
    AccessDatabase node = openNode();
    nodes.add(node);
    return node;
  }

  private Accounts accounts(AccessDatabase on) {
    return new Accounts(
        on,
        clock,
        new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), random),
        PasswordRules.standard(),
        AccountPolicy.DEFAULT,
        random);
  }

  private AccountId verifiedAccount(String email) {
    Registration.Created created =
        (Registration.Created) accounts.register(email, "Erika Mustermann", PASSWORD);
    accounts.verifyEmail(created.verificationToken()).orElseThrow();
    return created.account();
  }

  // --- migrations ---

  @Test
  void opensAgainWithoutMigratingAgain() {
    AccountId account = verifiedAccount("erika@example.org");

    AccessDatabase again = node();

    assertThat(accounts(again).find(account)).isPresent();
  }

  @Test
  void livesNextToAnotherModulesMigrationsInTheSameSchema() throws Exception {
    createEmptyDatabase();
    Flyway other =
        Flyway.configure()
            .dataSource(plainDataSource())
            .locations("classpath:db/coexistence")
            .load();
    other.migrate();

    AccessDatabase shared = node();

    assertThat(accounts(shared).register("a@example.org", "A", PASSWORD))
        .isInstanceOf(Registration.Created.class);
    assertThat(other.info().applied()).hasSize(1);
    assertThat(other.migrate().migrationsExecuted).isZero();
  }

  // --- accounts ---

  @Test
  void aNewAccountLogsInOnceItsAddressIsVerified() {
    Registration.Created created =
        (Registration.Created) accounts.register("Erika@Example.org ", "Erika", PASSWORD);

    assertThat(accounts.login("erika@example.org", PASSWORD))
        .isEqualTo(new LoginResult.Unverified(created.account()));
    assertThat(accounts.verifyEmail(created.verificationToken())).contains(created.account());
    LoginResult login = accounts.login("ERIKA@example.org", PASSWORD);

    assertThat(login).isInstanceOf(LoginResult.Success.class);
    Account account = ((LoginResult.Success) login).account();
    assertThat(account.email()).isEqualTo("erika@example.org");
    assertThat(account.emailVerifiedAt()).contains(START);
  }

  @Test
  void anOperatorCreatesAVerifiedAccountWithoutPasswordOncePerAddress() {
    AccountId id = accounts.createVerified(" Partner@Example.org", "Stadtwerke").orElseThrow();

    Account account = accounts.find(id).orElseThrow();
    assertThat(account.email()).isEqualTo("partner@example.org");
    assertThat(account.emailVerifiedAt()).contains(START);
    assertThat(accounts.login("partner@example.org", "")).isEqualTo(new LoginResult.Rejected());
    assertThat(accounts.createVerified("partner@example.org", "again")).isEmpty();
    assertThat(accounts.register("partner@example.org", "x", PASSWORD))
        .isEqualTo(new Registration.AlreadyRegistered(id));
  }

  @Test
  void aVerificationTokenWorksOnceAndExpires() {
    Registration.Created first =
        (Registration.Created) accounts.register("a@example.org", "A", PASSWORD);
    Registration.Created second =
        (Registration.Created) accounts.register("b@example.org", "B", PASSWORD);

    assertThat(accounts.verifyEmail(first.verificationToken())).isPresent();
    assertThat(accounts.verifyEmail(first.verificationToken())).isEmpty();
    clock.advance(AccountPolicy.DEFAULT.verificationTtl());
    assertThat(accounts.verifyEmail(second.verificationToken())).isEmpty();
    assertThat(accounts.renewVerification(second.account()).flatMap(accounts::verifyEmail))
        .contains(second.account());
  }

  @Test
  void registeringATakenAddressCreatesNothing() {
    AccountId existing = verifiedAccount("erika@example.org");

    assertThat(accounts.register("ERIKA@example.org", "Someone", "another long password"))
        .isEqualTo(new Registration.AlreadyRegistered(existing));
    assertThat(accounts.login("erika@example.org", PASSWORD))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aWeakPasswordIsRefusedAndNothingStored() {
    assertThat(accounts.register("a@example.org", "A", "short"))
        .isEqualTo(new Registration.Rejected(Set.of(PasswordProblem.TOO_SHORT)));
    assertThat(accounts.findByEmail("a@example.org")).isEmpty();
  }

  @Test
  void anUnknownAddressIsRejectedLikeAWrongPassword() {
    verifiedAccount("erika@example.org");

    assertThat(accounts.login("nobody@example.org", PASSWORD))
        .isEqualTo(new LoginResult.Rejected());
    assertThat(accounts.login("erika@example.org", "wrong password here"))
        .isEqualTo(new LoginResult.Rejected());
  }

  @Test
  void wrongPasswordsLockTheAccountUntilTheLockoutEnds() {
    verifiedAccount("erika@example.org");
    int allowed = AccountPolicy.DEFAULT.maxFailedLogins();
    for (int i = 1; i < allowed; i++) {
      assertThat(accounts.login("erika@example.org", "wrong " + i))
          .isEqualTo(new LoginResult.Rejected());
    }

    Instant until = START.plus(AccountPolicy.DEFAULT.lockout());
    assertThat(accounts.login("erika@example.org", "wrong again"))
        .isEqualTo(new LoginResult.Locked(until));
    assertThat(accounts.login("erika@example.org", PASSWORD))
        .isEqualTo(new LoginResult.Locked(until));

    clock.advance(AccountPolicy.DEFAULT.lockout());
    assertThat(accounts.login("erika@example.org", PASSWORD))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aSuccessfulLoginStartsTheCountAgain() {
    verifiedAccount("erika@example.org");
    int allowed = AccountPolicy.DEFAULT.maxFailedLogins();
    for (int i = 1; i < allowed; i++) {
      accounts.login("erika@example.org", "wrong " + i);
    }
    accounts.login("erika@example.org", PASSWORD);

    for (int i = 1; i < allowed; i++) {
      assertThat(accounts.login("erika@example.org", "wrong " + i))
          .isEqualTo(new LoginResult.Rejected());
    }
  }

  @Test
  void aPasswordResetChangesThePasswordOnceAndLiftsTheLockout() {
    AccountId account = verifiedAccount("erika@example.org");
    for (int i = 0; i < AccountPolicy.DEFAULT.maxFailedLogins(); i++) {
      accounts.login("erika@example.org", "wrong " + i);
    }
    String token = accounts.startPasswordReset("erika@example.org").orElseThrow();
    String newPassword = "ein ganz neues Passwort";

    assertThat(accounts.resetPassword(token, newPassword))
        .isEqualTo(new PasswordReset.Done(account));
    assertThat(accounts.resetPassword(token, "noch ein anderes Passwort"))
        .isEqualTo(new PasswordReset.InvalidToken());
    assertThat(accounts.login("erika@example.org", PASSWORD)).isEqualTo(new LoginResult.Rejected());
    assertThat(accounts.login("erika@example.org", newPassword))
        .isInstanceOf(LoginResult.Success.class);
  }

  @Test
  void aResetWithAWeakPasswordKeepsTheTokenAndAnOldTokenExpires() {
    verifiedAccount("erika@example.org");
    String token = accounts.startPasswordReset("erika@example.org").orElseThrow();

    assertThat(accounts.resetPassword(token, "erika mustermann passwort"))
        .isEqualTo(new PasswordReset.Rejected(Set.of(PasswordProblem.CONTEXT)));
    clock.advance(AccountPolicy.DEFAULT.resetTtl());
    assertThat(accounts.resetPassword(token, "ein ganz neues Passwort"))
        .isEqualTo(new PasswordReset.InvalidToken());
    assertThat(accounts.startPasswordReset("nobody@example.org")).isEmpty();
  }

  @Test
  void aNewResetTokenReplacesTheOldOne() {
    verifiedAccount("erika@example.org");
    String first = accounts.startPasswordReset("erika@example.org").orElseThrow();
    String second = accounts.startPasswordReset("erika@example.org").orElseThrow();

    assertThat(accounts.resetPassword(first, "ein ganz neues Passwort"))
        .isEqualTo(new PasswordReset.InvalidToken());
    assertThat(accounts.resetPassword(second, "ein ganz neues Passwort"))
        .isInstanceOf(PasswordReset.Done.class);
  }

  @Test
  void tokensAreStoredOnlyAsHashes() {
    Registration.Created created =
        (Registration.Created) accounts.register("a@example.org", "A", PASSWORD);

    List<String> stored = column("SELECT token_hash FROM access_tokens");

    assertThat(stored).containsExactly(Secrets.sha256Hex(created.verificationToken()));
    assertThat(column("SELECT password_hash FROM access_accounts"))
        .noneMatch(h -> h.contains(PASSWORD));
  }

  @Test
  void rolesAreGrantedChangedAndRevoked() {
    AccountId account = verifiedAccount("erika@example.org");

    accounts.grant(account, new Role.Operator(CITY));
    accounts.grant(account, new Role.Member(CITY, PARKCO, PartnerRole.VIEWER));
    accounts.grant(account, new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));
    accounts.grant(account, new Role.Platform());
    assertThat(accounts.revoke(account, new Role.Platform())).isTrue();
    assertThat(accounts.revoke(account, new Role.Platform())).isFalse();

    assertThat(accounts.find(account).orElseThrow().roles())
        .containsExactlyInAnyOrder(
            new Role.Operator(CITY), new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));
  }

  @Test
  void aPartnersMembersAreListedByAddressWithTheirRoles() {
    AccountId owner = verifiedAccount("owner@example.org");
    AccountId editor = verifiedAccount("editor@example.org");
    AccountId elsewhere = verifiedAccount("other@example.org");
    accounts.grant(owner, new Role.Member(CITY, PARKCO, PartnerRole.OWNER));
    accounts.grant(editor, new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));
    accounts.grant(elsewhere, new Role.Member(TenantId.of("town"), PARKCO, PartnerRole.OWNER));
    accounts.grant(elsewhere, new Role.Operator(CITY));

    assertThat(accounts.members(CITY, PARKCO))
        .extracting(Account::id)
        .containsExactly(editor, owner);
    assertThat(accounts.members(CITY, new PartnerId("nobody"))).isEmpty();
  }

  @Test
  void deletingAnAccountDeletesItsRolesTokensAndKeys() {
    AccountId account = verifiedAccount("erika@example.org");
    accounts.grant(account, new Role.Operator(CITY));
    accounts.startPasswordReset("erika@example.org");
    CreatedKey key = keys.create(account, Optional.empty(), "app", readScope());

    assertThat(accounts.delete(account)).isTrue();

    assertThat(accounts.find(account)).isEmpty();
    assertThat(keys.authenticate(key.key())).isEmpty();
    assertThat(column("SELECT account_id FROM access_roles")).isEmpty();
    assertThat(column("SELECT account_id FROM access_tokens")).isEmpty();
  }

  @Test
  void theFirstStartCreatesOnePlatformOperatorWithAPasswordShownOnce() {
    Optional<String> generated =
        accounts.createPlatformOperatorIfNone("admin@localhost", Optional.empty(), random);

    assertThat(generated).isPresent();
    LoginResult login = accounts.login("admin@localhost", generated.get());
    assertThat(login).isInstanceOf(LoginResult.Success.class);
    assertThat(((LoginResult.Success) login).account().roles())
        .containsExactly(new Role.Platform());
    assertThat(accounts.createPlatformOperatorIfNone("admin@localhost", Optional.empty(), random))
        .isEmpty();
    assertThat(
            accounts.createPlatformOperatorIfNone(
                "other@localhost", Optional.of("ein langes Betriebspasswort"), random))
        .isEmpty();
    assertThat(accounts.findByEmail("other@localhost")).isEmpty();
  }

  @Test
  void theConfiguredAdminPasswordIsUsedAndMustFollowTheRules() {
    assertThat(
            accounts.createPlatformOperatorIfNone(
                "admin@localhost", Optional.of("ein langes Betriebspasswort"), random))
        .isEmpty();
    assertThat(accounts.login("admin@localhost", "ein langes Betriebspasswort"))
        .isInstanceOf(LoginResult.Success.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                accounts.createPlatformOperatorIfNone("x@localhost", Optional.of("admin"), random))
        .hasMessageContaining("too weak");
  }

  // --- API keys ---

  private static KeyScope readScope() {
    return new KeyScope(Set.of(CITY), Set.of(Operation.READ), Set.of());
  }

  @Test
  void aCreatedKeyAuthenticatesWithItsOwnerAndScope() {
    AccountId owner = verifiedAccount("erika@example.org");
    KeyScope scope =
        new KeyScope(
            Set.of(CITY, TenantId.DEFAULT),
            Set.of(Operation.WRITE, Operation.INGEST),
            Set.of(PARKING));

    CreatedKey key = keys.create(owner, Optional.of(PARKCO), "parking sensors", scope);

    assertThat(key.key())
        .matches("sw_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")
        .startsWith("sw_" + key.id().value());
    assertThat(key.toString()).doesNotContain(key.key());
    assertThat(keys.authenticate(key.key()))
        .contains(new KeyGrant(key.id(), owner, Optional.of(PARKCO), scope));
  }

  @Test
  void aKeysOwnRateLimitIsStoredWithItsScope() {
    AccountId owner = verifiedAccount("erika@example.org");
    KeyScope scope =
        new KeyScope(Set.of(CITY), Set.of(Operation.READ), Set.of(PARKING), Optional.of(60));

    CreatedKey key = keys.create(owner, Optional.empty(), "car park data", scope);

    assertThat(keys.authenticate(key.key()).orElseThrow().scope()).isEqualTo(scope);
    assertThat(keys.listFor(owner).getFirst().scope().requestsPerMinute()).contains(60);
  }

  @Test
  void anEmptyScopeAndTheDefaultTenantStayApart() {
    AccountId owner = verifiedAccount("erika@example.org");
    KeyScope defaultOnly = new KeyScope(Set.of(TenantId.DEFAULT), Set.of(Operation.READ), Set.of());
    KeyScope anyTenant = new KeyScope(Set.of(), Set.of(Operation.READ), Set.of());

    CreatedKey first = keys.create(owner, Optional.empty(), "default", defaultOnly);
    CreatedKey second = keys.create(owner, Optional.empty(), "any", anyTenant);

    assertThat(keys.authenticate(first.key()).orElseThrow().scope()).isEqualTo(defaultOnly);
    assertThat(keys.authenticate(second.key()).orElseThrow().scope()).isEqualTo(anyTenant);
  }

  @Test
  void aWrongSecretUnknownIdOrMalformedKeyIsNothing() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    String secret = secretOf(key);
    String otherSecret = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

    assertThat(keys.authenticate("sw_" + key.id().value() + "_" + otherSecret)).isEmpty();
    assertThat(keys.authenticate("sw_0000000000000000_" + secret)).isEmpty();
    assertThat(keys.authenticate(key.key() + "x")).isEmpty();
    assertThat(keys.authenticate("")).isEmpty();
  }

  @Test
  void theSecretIsStoredOnlyAsItsHash() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    String secret = secretOf(key);

    assertThat(column("SELECT secret_hash FROM access_api_keys"))
        .containsExactly(Secrets.sha256Hex(secret));
  }

  @Test
  void aRevokedKeyStopsAtOnceOnEveryNode() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    ApiKeys otherNode = new ApiKeys(node(), clock, random);
    assertThat(otherNode.authenticate(key.key())).isPresent();

    assertThat(keys.revoke(owner, key.id())).isTrue();

    assertThat(otherNode.authenticate(key.key())).isEmpty();
    assertThat(keys.authenticate(key.key())).isEmpty();
    assertThat(keys.revoke(owner, key.id())).isFalse();
  }

  @Test
  void onlyItsOwnerOrAnOperatorRevokesAKey() {
    AccountId owner = verifiedAccount("erika@example.org");
    AccountId other = verifiedAccount("max@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());

    assertThat(keys.revoke(other, key.id())).isFalse();
    assertThat(keys.authenticate(key.key())).isPresent();
    assertThat(keys.revoke(key.id())).isTrue();
    assertThat(keys.authenticate(key.key())).isEmpty();
  }

  @Test
  void theLastUseIsRecordedAtMostOncePerMinute() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());

    keys.authenticate(key.key());
    clock.advance(Duration.ofSeconds(59));
    keys.authenticate(key.key());
    assertThat(lastUsed(owner)).contains(START);

    clock.advance(Duration.ofSeconds(1));
    keys.authenticate(key.key());
    assertThat(lastUsed(owner)).contains(START.plusSeconds(60));
  }

  /** The secret may contain '_' itself: it starts after the prefix and the id. */
  private static String secretOf(CreatedKey key) {
    return key.key().substring((ApiKeys.PREFIX + key.id().value() + "_").length());
  }

  private Optional<Instant> lastUsed(AccountId owner) {
    return keys.listFor(owner).getFirst().lastUsedAt();
  }

  @Test
  void theOwnersKeysAreListedWithoutSecrets() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey first = keys.create(owner, Optional.empty(), "first", readScope());
    clock.advance(Duration.ofSeconds(1));
    CreatedKey second = keys.create(owner, Optional.of(PARKCO), "second", readScope());
    keys.revoke(owner, first.id());

    List<KeyListing> listed = keys.listFor(owner);

    assertThat(listed)
        .containsExactly(
            new KeyListing(
                first.id(),
                "first",
                Optional.empty(),
                readScope(),
                START,
                Optional.empty(),
                Optional.of(START.plusSeconds(1))),
            new KeyListing(
                second.id(),
                "second",
                Optional.of(PARKCO),
                readScope(),
                START.plusSeconds(1),
                Optional.empty(),
                Optional.empty()));
  }

  private static final Duration CACHE_FOR = Duration.ofSeconds(30);

  private KeyActors keyActors(Duration cacheFor) {
    return new KeyActors(keys, accounts, Optional.empty(), clock, cacheFor);
  }

  @Test
  void aKeyActsWithItsOwnersCurrentRolesAlsoWhenCached() {
    AccountId owner = verifiedAccount("erika@example.org");
    accounts.grant(owner, new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));
    CreatedKey key = keys.create(owner, Optional.of(PARKCO), "app", readScope());

    for (KeyActors actors : List.of(keyActors(Duration.ZERO), keyActors(CACHE_FOR))) {
      accounts.grant(owner, new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));
      assertThat(actors.actorFor(key.key(), CITY))
          .contains(
              new Actor.ApiKey(
                  key.id(),
                  new Actor.PartnerMember(owner, CITY, PARKCO, PartnerRole.EDITOR),
                  readScope()));

      accounts.revoke(owner, new Role.Member(CITY, PARKCO, PartnerRole.EDITOR));

      assertThat(actors.actorFor(key.key(), CITY))
          .contains(new Actor.ApiKey(key.id(), new Actor.Resident(owner), readScope()));
      assertThat(actors.actorFor("sw_unknown", CITY)).isEmpty();
    }
  }

  @Test
  void aRevokedKeyStopsAtOnceAlsoWhenCached() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    KeyActors actors = keyActors(CACHE_FOR);
    assertThat(actors.actorFor(key.key(), CITY)).isPresent();

    keys.revoke(owner, key.id());

    assertThat(actors.actorFor(key.key(), CITY)).isEmpty();
  }

  @Test
  void aStoredKeyIsFoundByItsIdForWorkOnItsBehalfUntilRevoked() {
    AccountId owner = verifiedAccount("erika@example.org");
    accounts.grant(owner, new Role.Member(CITY, PARKCO, PartnerRole.VIEWER));
    CreatedKey key = keys.create(owner, Optional.of(PARKCO), "subscriptions", readScope());
    KeyActors actors = keyActors(CACHE_FOR);

    assertThat(actors.actorForKey(key.id(), CITY))
        .contains(
            new Actor.ApiKey(
                key.id(),
                new Actor.PartnerMember(owner, CITY, PARKCO, PartnerRole.VIEWER),
                readScope()));

    keys.revoke(owner, key.id());

    assertThat(actors.actorForKey(key.id(), CITY)).isEmpty();
    assertThat(keys.grant(key.id())).isEmpty();
  }

  @Test
  void aCachedKeyWithAnotherSecretIsNothing() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    KeyActors actors = keyActors(CACHE_FOR);
    actors.actorFor(key.key(), CITY);
    String secret = secretOf(key);
    String otherSecret = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

    assertThat(actors.actorFor(ApiKeys.PREFIX + key.id().value() + "_" + otherSecret, CITY))
        .isEmpty();
  }

  @Test
  void anotherNodeForgetsACachedKeyWhenToldAndAtTheLatestWhenTheCacheExpires() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey told = keys.create(owner, Optional.empty(), "told", readScope());
    CreatedKey missed = keys.create(owner, Optional.empty(), "missed", readScope());
    AccessDatabase otherDatabase = node();
    KeyActors otherNode =
        new KeyActors(
            new ApiKeys(otherDatabase, clock, random),
            accounts(otherDatabase),
            Optional.empty(),
            clock,
            CACHE_FOR);
    otherNode.actorFor(told.key(), CITY).orElseThrow();
    otherNode.actorFor(missed.key(), CITY).orElseThrow();

    keys.revoke(owner, told.id());
    keys.revoke(owner, missed.id());
    otherNode.forgetKey(told.id()); // what the app's NOTIFY listener does

    assertThat(otherNode.actorFor(told.key(), CITY)).isEmpty();
    assertThat(otherNode.actorFor(missed.key(), CITY)).as("missed the message").isPresent();
    clock.advance(CACHE_FOR);
    assertThat(otherNode.actorFor(missed.key(), CITY)).isEmpty();
  }

  @Test
  void aNodeThatMayHaveMissedMessagesForgetsEveryCachedKey() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "k", readScope());
    AccessDatabase otherDatabase = node();
    KeyActors otherNode =
        new KeyActors(
            new ApiKeys(otherDatabase, clock, random),
            accounts(otherDatabase),
            Optional.empty(),
            clock,
            CACHE_FOR);
    otherNode.actorFor(key.key(), CITY).orElseThrow();
    keys.revoke(owner, key.id());

    otherNode.forgetAll(); // what the app does after its signal connection came back

    assertThat(otherNode.actorFor(key.key(), CITY)).isEmpty();
  }

  @Test
  void cachedKeysStillRecordTheirLastUseOncePerMinute() {
    AccountId owner = verifiedAccount("erika@example.org");
    CreatedKey key = keys.create(owner, Optional.empty(), "app", readScope());
    KeyActors actors = keyActors(Duration.ofHours(1));

    actors.actorFor(key.key(), CITY);
    clock.advance(Duration.ofSeconds(59));
    actors.actorFor(key.key(), CITY);
    assertThat(lastUsed(owner)).contains(START);

    clock.advance(Duration.ofSeconds(1));
    actors.actorFor(key.key(), CITY);
    assertThat(lastUsed(owner)).contains(START.plusSeconds(60));
  }

  // --- OIDC identities ---

  private static final String ISSUER = "https://keycloak.example/realms/stralsund";

  private Identities identities(AccessDatabase on) {
    return new Identities(on, clock);
  }

  private static ExternalIdentity identity(String subject, String verifiedEmail) {
    return new ExternalIdentity(
        ISSUER, subject, Optional.ofNullable(verifiedEmail), Optional.of("Erika Mustermann"));
  }

  @Test
  void aFirstUseWithAVerifiedAddressCreatesAResidentAccountWithoutPassword() {
    Identities identities = identities(database);

    IdentityLink first = identities.link(identity("f81d4fae", "Erika@Example.org"));
    clock.advance(Duration.ofMinutes(5));
    IdentityLink again = identities.link(identity("f81d4fae", "erika@example.org"));

    assertThat(first).isInstanceOf(IdentityLink.Created.class);
    AccountId account = first.account().orElseThrow();
    assertThat(again).isEqualTo(new IdentityLink.Known(account));
    Account created = accounts.find(account).orElseThrow();
    assertThat(created.email()).isEqualTo("erika@example.org");
    assertThat(created.displayName()).isEqualTo("Erika Mustermann");
    assertThat(created.emailVerifiedAt()).contains(START);
    assertThat(created.roles()).isEmpty();
    assertThat(created.actorIn(CITY, Optional.empty())).isEqualTo(new Actor.Resident(account));
    assertThat(accounts.login("erika@example.org", PASSWORD)).isEqualTo(new LoginResult.Rejected());
    assertThat(identities.of(account))
        .containsExactly(new LinkedIdentity(ISSUER, "f81d4fae", START));
  }

  @Test
  void aFirstUseLinksTheAccountWithoutRolesThatHoldsTheAddress() {
    AccountId existing = verifiedAccount("erika@example.org");

    IdentityLink link = identities(database).link(identity("f81d4fae", " ERIKA@example.org"));

    assertThat(link).isEqualTo(new IdentityLink.LinkedByEmail(existing));
    assertThat(accounts.login("erika@example.org", PASSWORD))
        .isInstanceOf(LoginResult.Success.class);
    assertThat(identities(database).link(identity("f81d4fae", null)))
        .isEqualTo(new IdentityLink.Known(existing));
  }

  @Test
  void linkingAnUnverifiedAccountDropsWhatItsRegistrantChose() {
    Registration.Created squatter =
        (Registration.Created) accounts.register("erika@example.org", "Mallory", PASSWORD);

    IdentityLink link = identities(database).link(identity("f81d4fae", "erika@example.org"));

    assertThat(link).isEqualTo(new IdentityLink.LinkedByEmail(squatter.account()));
    Account account = accounts.find(squatter.account()).orElseThrow();
    assertThat(account.emailVerifiedAt()).contains(START);
    assertThat(account.displayName()).isEqualTo("Erika Mustermann");
    assertThat(accounts.login("erika@example.org", PASSWORD)).isEqualTo(new LoginResult.Rejected());
    assertThat(accounts.verifyEmail(squatter.verificationToken())).isEmpty();
  }

  @Test
  void anAccountWithRolesIsLinkedOnlyExplicitly() {
    AccountId operator = verifiedAccount("erika@example.org");
    accounts.grant(operator, new Role.Operator(CITY));
    Identities identities = identities(database);

    IdentityLink byAddress = identities.link(identity("f81d4fae", "erika@example.org"));

    assertThat(byAddress).isInstanceOf(IdentityLink.Unlinked.class);
    assertThat(byAddress.account()).isEmpty();
    assertThat(identities.of(operator)).isEmpty();
    assertThat(identities.attach(operator, identity("f81d4fae", null))).isTrue();
    assertThat(identities.link(identity("f81d4fae", null)))
        .isEqualTo(new IdentityLink.Known(operator));
  }

  @Test
  void anIdentityOfAnotherAccountIsNotAttached() {
    AccountId erika = verifiedAccount("erika@example.org");
    AccountId max = verifiedAccount("max@example.org");
    Identities identities = identities(database);
    identities.link(identity("f81d4fae", "erika@example.org"));

    assertThat(identities.attach(max, identity("f81d4fae", null))).isFalse();
    assertThat(identities.attach(erika, identity("f81d4fae", null))).isTrue();
    assertThat(identities.of(max)).isEmpty();
  }

  @Test
  void withoutAVerifiedAddressAnUnknownIdentityIsNotLinked() {
    IdentityLink link = identities(database).link(identity("f81d4fae", null));
    IdentityLink garbage = identities(database).link(identity("f81d4fae", "not an address"));

    assertThat(link).isInstanceOf(IdentityLink.Unlinked.class);
    assertThat(garbage).isInstanceOf(IdentityLink.Unlinked.class);
    assertThat(column("SELECT id FROM access_accounts")).isEmpty();
  }

  @Test
  void theSameSubjectAtAnotherIssuerIsAnotherIdentity() {
    Identities identities = identities(database);
    AccountId account =
        identities.link(identity("f81d4fae", "erika@example.org")).account().orElseThrow();

    IdentityLink elsewhere =
        identities.link(
            new ExternalIdentity(
                "https://login.example.com", "f81d4fae", Optional.empty(), Optional.empty()));

    assertThat(elsewhere).isInstanceOf(IdentityLink.Unlinked.class);
    assertThat(identities.of(account)).hasSize(1);
  }

  @Test
  void anAccountCreatedByAnOidcLoginHasNoPassword() {
    AccountId linked =
        identities(database).link(identity("0b5e1c", "max@example.org")).account().orElseThrow();

    assertThat(accounts.hasPassword(linked)).isFalse();
    assertThat(accounts.hasPassword(verifiedAccount("erika@example.org"))).isTrue();
  }

  @Test
  void deletingAnAccountForgetsItsIdentities() {
    Identities identities = identities(database);
    AccountId account =
        identities.link(identity("f81d4fae", "erika@example.org")).account().orElseThrow();

    accounts.delete(account);

    assertThat(identities.of(account)).isEmpty();
    IdentityLink again = identities.link(identity("f81d4fae", "erika@example.org"));
    assertThat(again).isInstanceOf(IdentityLink.Created.class);
    assertThat(again.account()).isNotEqualTo(Optional.of(account));
  }

  @Test
  void nodesLinkingTheSameIdentityAtOnceAgreeOnOneAccount() throws Exception {
    List<Identities> nodes = List.of(identities(node()), identities(node()));
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<IdentityLink>> links = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Identities on = nodes.get(i % nodes.size());
        links.add(
            pool.submit(
                () -> {
                  start.await();
                  return on.link(identity("f81d4fae", "erika@example.org"));
                }));
      }
      Set<Optional<AccountId>> accountsSeen = new HashSet<>();
      for (Future<IdentityLink> link : links) {
        accountsSeen.add(link.get().account());
      }

      assertThat(accountsSeen).hasSize(1);
      assertThat(column("SELECT id FROM access_accounts"))
          .containsExactly(accountsSeen.iterator().next().orElseThrow().value());
      assertThat(column("SELECT account_id FROM access_identities")).hasSize(1);
    }
  }

  // --- audit log ---

  private static AuditEvent event(Instant at, TenantId tenant, String action) {
    return new AuditEvent(
        at, "key:k1 of account:a", tenant, action, "urn:ngsi-ld:ParkingSpot:1", "192.0.2.7");
  }

  @Test
  void theAuditLogAnswersByTenantAndTimeNewestFirst() {
    AuditEvent first = event(START, CITY, "CreateEntity");
    AuditEvent second = event(START.plusSeconds(10), CITY, "MergeEntity");
    AuditEvent elsewhere = event(START.plusSeconds(5), TenantId.DEFAULT, "DeleteEntity");
    AuditEvent later = event(START.plusSeconds(60), CITY, "RevokeApiKey");
    audit.recordAll(List.of(first, second, elsewhere));
    audit.record(later);

    assertThat(audit.query(CITY, START, START.plusSeconds(60), 10)).containsExactly(second, first);
    assertThat(audit.query(CITY, START, START.plusSeconds(61), 2)).containsExactly(later, second);
    assertThat(audit.query(TenantId.DEFAULT, START, START.plusSeconds(61), 10))
        .containsExactly(elsewhere);
  }

  @Test
  void theAuditLogAnswersWhatAnAccountDidOrWhatConcernsIt() {
    AccountId mine = new AccountId("acc_1");
    AccountId other = new AccountId("accX1");
    AuditEvent signedIn =
        new AuditEvent(START, "account:acc_1", CITY, "MergeEntity", "urn:a", "192.0.2.1");
    AuditEvent byKey =
        new AuditEvent(
            START.plusSeconds(1),
            "key:0a of account:acc_1",
            TenantId.DEFAULT,
            "CreateEntity",
            "urn:b",
            "192.0.2.1");
    AuditEvent aboutIt =
        new AuditEvent(
            START.plusSeconds(2), "platform", TenantId.DEFAULT, "GrantRole", "acc_1", "::1");
    // "_" is a LIKE wildcard: the other account's key must not match "acc_1".
    AuditEvent othersKey =
        new AuditEvent(
            START.plusSeconds(3),
            "key:0b of account:accX1",
            CITY,
            "CreateEntity",
            "urn:c",
            "192.0.2.2");
    audit.recordAll(List.of(signedIn, byKey, aboutIt, othersKey));

    assertThat(audit.about(mine, 10)).containsExactly(aboutIt, byKey, signedIn);
    assertThat(audit.about(mine, 2)).containsExactly(aboutIt, byKey);
    assertThat(audit.about(other, 10)).containsExactly(othersKey);
  }

  @Test
  void theAuditLogKeepsOnlyTheRetentionPeriod() {
    audit.record(event(START, CITY, "CreateEntity"));
    audit.record(event(START.plus(Duration.ofDays(30)), CITY, "MergeEntity"));
    clock.advance(Duration.ofDays(90));

    assertThat(audit.prune(Duration.ofDays(80))).isEqualTo(1);

    assertThat(audit.query(CITY, START, clock.instant(), 10))
        .extracting(AuditEvent::action)
        .containsExactly("MergeEntity");
  }

  private List<String> column(String sql) {
    return database.run(
        connection -> {
          List<String> values = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(sql);
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              values.add(row.getString(1));
            }
          }
          return values;
        });
  }
}
