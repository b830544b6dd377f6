package org.sundwerk.business.catalog;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.sundwerk.business.BusinessProblem;

/**
 * A service's business model canvas: a text per block (blocks not yet written are absent) and the
 * expected figures its {@link Projection} is computed from. Real figures (metered usage, billed
 * revenue) are not here yet: they come with billing, and will sit beside the projection.
 */
public record Canvas(Map<CanvasBlock, String> blocks, Figures figures) {

  static final int MAX_BLOCK = 2000;

  public Canvas {
    Objects.requireNonNull(figures, "figures");
    Map<CanvasBlock, String> kept = new EnumMap<>(CanvasBlock.class);
    blocks.forEach(
        (block, text) -> {
          if (text.length() > MAX_BLOCK) {
            throw BusinessProblem.invalid("a canvas block is at most " + MAX_BLOCK + " characters");
          }
          if (!text.isBlank()) {
            kept.put(block, text.strip());
          }
        });
    blocks = Map.copyOf(kept);
  }

  /** The canvas of a service nobody has designed yet. */
  public static Canvas empty() {
    return new Canvas(Map.of(), Figures.none());
  }

  public Projection projection() {
    return Projection.of(figures);
  }
}
