package org.sundwerk.business.indicators;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.business.Text;

/**
 * The catalogue every tenant starts with: {@code indicators/defaults.tsv} on the classpath, about
 * fifty indicators over the ten Haselhorst areas, each with its definition, unit, direction, source
 * and, where the platform knows the figure, the metric that computes it.
 */
public final class DefaultIndicators {

  private static final String RESOURCE = "/indicators/defaults.tsv";
  private static final List<Indicator> DEFAULTS = load();

  private DefaultIndicators() {}

  public static List<Indicator> all() {
    return DEFAULTS;
  }

  private static List<Indicator> load() {
    try (InputStream in = DefaultIndicators.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Indicator> indicators = new ArrayList<>();
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        indicators.add(parse(line.split("\t", -1)));
      }
      return List.copyOf(indicators);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Indicator parse(String[] f) {
    if (f.length != 13) {
      throw new IllegalStateException("a default indicator has 13 columns: " + String.join("|", f));
    }
    return new Indicator(
        f[0],
        Area.valueOf(f[1]),
        optional(f[2]).map(BitkomArea::valueOf),
        Text.of(f[9], f[10]),
        Text.of(f[11], f[12]),
        f[4],
        "L".equals(f[3]) ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER,
        f[8],
        optional(f[7]),
        new BigDecimal(f[5]),
        new BigDecimal(f[6]));
  }

  private static Optional<String> optional(String field) {
    return "-".equals(field) ? Optional.empty() : Optional.of(field);
  }
}
