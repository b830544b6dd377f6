package org.sundwerk.business.catalog;

import java.util.List;

/**
 * One page of a catalog search.
 *
 * @param services the services of this page, those whose name holds the first word first, then by
 *     German name
 * @param total how many services match in all
 */
public record ServicePage(List<Service> services, int total) {

  public ServicePage {
    services = List.copyOf(services);
  }
}
