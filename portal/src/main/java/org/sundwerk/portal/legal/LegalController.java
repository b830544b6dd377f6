package org.sundwerk.portal.legal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sundwerk.access.Actor;
import org.sundwerk.access.TenantId;
import org.sundwerk.access.limit.Limit;
import org.sundwerk.access.limit.RateLimiter;
import org.sundwerk.access.limit.RateLimits;
import org.sundwerk.access.limit.Tier;
import org.sundwerk.access.limit.Verdict;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The legal and inclusive pages: {@code /impressum}, {@code /datenschutz}, {@code
 * /barrierefreiheit} (with its feedback form) and {@code /leichte-sprache}, each for {@code
 * ?tenant=} (default: the portal's default tenant) in the reader's language. An operator's text
 * replaces the built-in default ({@code legal/<slug>.<lang>.md}); operators edit it at {@code
 * /<slug>/bearbeiten}.
 */
@Controller
final class LegalController {

  private static final Logger log = LoggerFactory.getLogger(LegalController.class);

  /** Longest feedback message and reply address, in characters. */
  static final int MAX_MESSAGE = 4000;

  static final int MAX_ADDRESS = 254;

  private final PortalPages pages;
  private final PortalAccess access;
  private final PortalProperties portal;
  private final LegalProperties legal;
  private final MessageSource messages;
  private final ObjectProvider<JavaMailSender> mail;
  private final Clock clock;
  private final RateLimiter feedbackLimit;

  LegalController(
      PortalPages pages,
      PortalAccess access,
      PortalProperties portal,
      LegalProperties legal,
      MessageSource messages,
      ObjectProvider<JavaMailSender> mail,
      Clock clock) {
    this.pages = pages;
    this.access = access;
    this.portal = portal;
    this.legal = legal;
    this.messages = messages;
    this.mail = mail;
    this.clock = clock;
    int perMinute = legal.feedbackPerMinute();
    this.feedbackLimit =
        new RateLimiter(
            new RateLimits(
                Map.of(Tier.ANONYMOUS, new Limit(perMinute, Duration.ofMinutes(1), perMinute))),
            clock);
  }

  @GetMapping({"/impressum", "/datenschutz", "/barrierefreiheit", "/leichte-sprache"})
  String show(
      @RequestParam Optional<String> tenant, HttpServletRequest http, Locale locale, Model model) {
    access.page(http);
    Slug slug = slugOf(http, "");
    TenantId chosen = tenant(tenant);
    fill(model, slug, chosen, locale, http);
    return "legal/page";
  }

  @GetMapping({
    "/impressum/bearbeiten",
    "/datenschutz/bearbeiten",
    "/barrierefreiheit/bearbeiten",
    "/leichte-sprache/bearbeiten"
  })
  String edit(
      @RequestParam Optional<String> tenant, HttpServletRequest http, Locale locale, Model model) {
    Slug slug = slugOf(http, "/bearbeiten");
    TenantId chosen = tenant(tenant);
    access.operator(http, chosen);
    String lang = language(locale);
    model.addAttribute("slug", slug);
    model.addAttribute("tenant", chosen.name());
    model.addAttribute("pageLang", lang);
    model.addAttribute("markdown", markdown(chosen, slug, lang));
    model.addAttribute("maxMarkdown", legal.maxMarkdown());
    return "legal/edit";
  }

  @PostMapping({
    "/impressum/bearbeiten",
    "/datenschutz/bearbeiten",
    "/barrierefreiheit/bearbeiten",
    "/leichte-sprache/bearbeiten"
  })
  String save(
      @RequestParam Optional<String> tenant,
      @RequestParam String pageLang,
      @RequestParam String markdown,
      HttpServletRequest http,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    Slug slug = slugOf(http, "/bearbeiten");
    TenantId chosen = tenant(tenant);
    String by = access.operator(http, chosen);
    String lang = "en".equals(pageLang) ? "en" : "de";
    if (markdown.length() > legal.maxMarkdown() || markdown.isBlank()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("slug", slug);
      model.addAttribute("tenant", chosen.name());
      model.addAttribute("pageLang", lang);
      model.addAttribute("markdown", markdown);
      model.addAttribute("maxMarkdown", legal.maxMarkdown());
      model.addAttribute("invalid", true);
      return "legal/edit";
    }
    pages.save(chosen.name(), slug.path(), lang, markdown, clock.instant(), by);
    log.info("Portal page {} ({}) of tenant {} saved by {}", slug.path(), lang, chosen.name(), by);
    String query = tenantQuery(chosen);
    return "redirect:/" + slug.path() + (query.isEmpty() ? "?saved" : query + "&saved");
  }

  @PostMapping("/barrierefreiheit/rueckmeldung")
  String feedback(
      @RequestParam Optional<String> tenant,
      @RequestParam(defaultValue = "") String message,
      @RequestParam(defaultValue = "") String email,
      HttpServletRequest http,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    access.page(http);
    TenantId chosen = tenant(tenant);
    String text = message.strip();
    String replyTo = email.strip();
    OptionalLong wait = retryAfter(access.clientAddress(http));
    String problem =
        wait.isPresent()
            ? text("form.limited", locale, wait.getAsLong())
            : text.isEmpty() || text.length() > MAX_MESSAGE
                ? text("legal.feedback.invalid", locale, MAX_MESSAGE)
                : replyTo.length() > MAX_ADDRESS
                        || (!replyTo.isEmpty() && !replyTo.matches("[^@\\s]+@[^@\\s]+"))
                    ? text("legal.feedback.email.invalid", locale)
                    : null;
    if (problem != null) {
      response.setStatus(wait.isPresent() ? 429 : HttpServletResponse.SC_BAD_REQUEST);
      fill(model, Slug.BARRIEREFREIHEIT, chosen, locale, http);
      model.addAttribute("feedbackProblem", problem);
      model.addAttribute("feedbackMessage", message);
      model.addAttribute("feedbackEmail", email);
      return "legal/page";
    }
    pages.feedback(chosen.name(), "barrierefreiheit", text, replyTo, clock.instant());
    mailOperator(chosen, text, replyTo);
    fill(model, Slug.BARRIEREFREIHEIT, chosen, locale, http);
    model.addAttribute("feedbackSent", true);
    return "legal/page";
  }

  private OptionalLong retryAfter(String client) {
    return feedbackLimit.tryAcquire(new Actor.Anonymous(client)) instanceof Verdict.Limited limited
        ? OptionalLong.of(limited.retryAfterSeconds())
        : OptionalLong.empty();
  }

  private void mailOperator(TenantId tenant, String message, String replyTo) {
    JavaMailSender smtp = mail.getIfAvailable();
    if (smtp == null || legal.operatorEmail().isBlank()) {
      log.info(
          "Accessibility feedback for tenant {} stored (no operator mail configured)",
          tenant.name());
      return;
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(portal.mailFrom());
    mail.setTo(legal.operatorEmail());
    if (!replyTo.isEmpty()) {
      mail.setReplyTo(replyTo);
    }
    mail.setSubject(text("legal.feedback.mail.subject", Locale.GERMAN, tenant.name()));
    mail.setText(message);
    Thread.ofVirtual()
        .name("sundwerk-feedback-mail")
        .start(
            () -> {
              try {
                smtp.send(mail);
              } catch (MailException e) {
                log.warn("Could not mail accessibility feedback: {}", e.getMessage());
              }
            });
  }

  private void fill(
      Model model, Slug slug, TenantId tenant, Locale locale, HttpServletRequest http) {
    String lang = language(locale);
    Optional<PortalPages.StoredPage> stored = pages.find(tenant.name(), slug.path(), lang);
    String source =
        stored.map(PortalPages.StoredPage::markdown).orElseGet(() -> defaultText(slug, lang));
    model.addAttribute("slug", slug);
    model.addAttribute("tenant", tenant.name());
    model.addAttribute("tenantQuery", tenantQuery(tenant));
    model.addAttribute("html", Markdown.html(source));
    model.addAttribute("isDefault", stored.isEmpty());
    model.addAttribute(
        "updatedAt",
        stored
            .map(
                p ->
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .withZone(portal.zone())
                        .format(p.updatedAt()))
            .orElse(null));
    model.addAttribute("canEdit", access.operates(http, tenant));
    model.addAttribute("saved", http.getParameter("saved") != null);
    model.addAttribute("maxMessage", MAX_MESSAGE);
  }

  private String markdown(TenantId tenant, Slug slug, String lang) {
    return pages
        .find(tenant.name(), slug.path(), lang)
        .map(PortalPages.StoredPage::markdown)
        .orElseGet(() -> defaultText(slug, lang));
  }

  /** The built-in text, with "{tenant}" left to the operator to replace. */
  static String defaultText(Slug slug, String lang) {
    String resource = "legal/" + slug.path() + "." + lang + ".md";
    try (InputStream in = LegalController.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing default text " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TenantId tenant(Optional<String> tenant) {
    String name = tenant.filter(t -> !t.isBlank()).orElse(portal.defaultTenant());
    try {
      return TenantId.of(name);
    } catch (IllegalArgumentException e) {
      return TenantId.of(portal.defaultTenant());
    }
  }

  private String tenantQuery(TenantId tenant) {
    return tenant.name().equals(portal.defaultTenant()) ? "" : "?tenant=" + tenant.name();
  }

  private static Slug slugOf(HttpServletRequest http, String suffix) {
    String path = http.getServletPath();
    String name = path.substring(1, path.length() - suffix.length());
    return Slug.of(name).orElseThrow();
  }

  private static String language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "en" : "de";
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
