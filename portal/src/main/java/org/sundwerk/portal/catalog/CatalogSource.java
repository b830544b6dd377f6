package org.sundwerk.portal.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.sundwerk.access.TenantId;
import org.sundwerk.business.catalog.Service;
import org.sundwerk.business.catalog.ServicePage;
import org.sundwerk.business.catalog.ServiceQuery;
import org.sundwerk.business.catalog.Services;
import org.sundwerk.portal.search.SearchDocument;
import org.sundwerk.portal.search.SearchKind;
import org.sundwerk.portal.search.SearchSource;

/**
 * The published services of a tenant's catalog as search documents, linked to their pages {@code
 * /dienste/{id}}: only what visitors may read (unpublished services stay out).
 */
@Component
final class CatalogSource implements SearchSource {

  private final Services services;

  CatalogSource(Services services) {
    this.services = services;
  }

  @Override
  public Stream<SearchDocument> documents(String tenant) {
    TenantId id;
    try {
      id = TenantId.of(tenant);
    } catch (IllegalArgumentException e) {
      return Stream.empty();
    }
    List<SearchDocument> documents = new ArrayList<>();
    ServiceQuery query = ServiceQuery.published().withPage(ServiceQuery.MAX_LIMIT, 0);
    for (int offset = 0; ; offset += ServiceQuery.MAX_LIMIT) {
      ServicePage page = services.search(id, query.withPage(ServiceQuery.MAX_LIMIT, offset));
      page.services().forEach(service -> documents.add(document(service)));
      if (offset + ServiceQuery.MAX_LIMIT >= page.total()) {
        return documents.stream();
      }
    }
  }

  private static SearchDocument document(Service service) {
    var draft = service.draft();
    return new SearchDocument(
        SearchKind.SERVICE,
        service.id().value(),
        "/dienste/" + service.id().value(),
        draft.name().de(),
        draft.name().en().orElse(""),
        draft.description().de(),
        draft.description().en().orElse(""));
  }
}
