package org.sundwerk.app.portal;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal tests that set the app's {@link Clock} (the bean {@code clock}, a {@link SettableClock}
 * here) and need a portal page that fails ({@code /test/kaputt}, for the 500 page). One server for
 * all its subclasses.
 */
@Import(PortalClockTest.Failing.class)
abstract class PortalClockTest extends PortalTest {

  static final SettableClock CLOCK = new SettableClock();

  @TestBean(name = "clock")
  Clock clock;

  static Clock clock() {
    return CLOCK;
  }

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  /** A portal path whose handler fails, as a bug would. */
  @RestController
  static class Failing {
    @GetMapping("/test/kaputt")
    String fail() {
      throw new IllegalStateException("a bug for the test");
    }
  }
}
