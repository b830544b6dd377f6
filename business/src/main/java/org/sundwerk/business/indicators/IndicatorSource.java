package org.sundwerk.business.indicators;

import java.util.Map;
import org.sundwerk.access.TenantId;

/**
 * Where computed indicators get their figures: each source measures the metrics it knows (metric
 * key → measurement) for one tenant, now. A metric no source measures leaves its indicator without
 * a new value; sources must not throw for a tenant without data (they answer 0 where 0 is true).
 */
public interface IndicatorSource {

  Map<String, Measurement> measure(TenantId tenant);
}
