package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sundwerk.store.TestEntities.delete;
import static org.sundwerk.store.TestEntities.entity;
import static org.sundwerk.store.TestEntities.json;
import static org.sundwerk.store.TestEntities.point;
import static org.sundwerk.store.TestEntities.put;
import static org.sundwerk.store.TestEntities.urn;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.sundwerk.ngsild.model.Attribute;
import org.sundwerk.ngsild.model.AttributeKind;
import org.sundwerk.ngsild.query.GeoQuery;

/**
 * The R*Tree prefilter on its own: the bounding boxes the writer keeps for GeoProperty instances,
 * queried with the dialect's prefilter condition. (The exact predicate after it is the in-memory
 * evaluator's, tested with it.)
 */
class SqliteGeoIndexTest {

  private static final String TENANT = "urn:tenant:geo";
  private static final String LOCATION = GeoQuery.LOCATION;

  @TempDir Path directory;
  private StoreDatabase database;
  private JdbcEntityStore store;

  @BeforeEach
  void open() {
    database = StoreDatabase.sqlite(directory);
    store = new JdbcEntityStore(database);
  }

  @AfterEach
  void close() {
    store.close();
    database.close();
  }

  private void save(String id, Attribute location) {
    var entity = entity(id, "Place");
    var attributes = entity.copyOfAttributes();
    attributes.put(LOCATION, List.of(location));
    store.write(TENANT, urn(id), put(entity.withAttributes(attributes))).join();
  }

  private List<String> inBox(double minX, double maxX, double minY, double maxY) throws Exception {
    Sql sql =
        new Sql()
            .append("SELECT e.id FROM entity e WHERE e.tenant = ")
            .param(TENANT)
            .append(" AND ")
            .append(
                database
                    .dialect()
                    .geoPrefilter("e.pk", TENANT, LOCATION, new Envelope(minX, maxX, minY, maxY)))
            .append(" ORDER BY e.pk");
    List<String> ids = new ArrayList<>();
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = sql.prepare(connection);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @Test
  void findsTheEntitiesWhoseBoxesIntersectTheQueryBox() throws Exception {
    save("stralsund", point(13.09, 54.31));
    save("greifswald", point(13.38, 54.09));
    save(
        "rugen",
        Attribute.of(
            AttributeKind.GEO_PROPERTY,
            json(
                "{\"type\":\"Polygon\",\"coordinates\":[[[13.1,54.3],[13.7,54.3],[13.7,54.7],[13.1,54.7],[13.1,54.3]]]}")));

    assertThat(inBox(13.0, 13.2, 54.2, 54.4)).containsExactly(urn("stralsund"), urn("rugen"));
    assertThat(inBox(13.3, 13.4, 54.0, 54.1)).containsExactly(urn("greifswald"));
    assertThat(inBox(10, 11, 50, 51)).isEmpty();
  }

  @Test
  void movesAndDropsBoxesWithTheEntity() throws Exception {
    save("bus", point(13.09, 54.31));
    save("bus", point(13.38, 54.09));

    assertThat(inBox(13.0, 13.2, 54.2, 54.4)).isEmpty();
    assertThat(inBox(13.3, 13.4, 54.0, 54.1)).containsExactly(urn("bus"));

    store.write(TENANT, urn("bus"), delete()).join();

    assertThat(inBox(-180, 180, -90, 90)).isEmpty();
  }

  @Test
  void findsEveryInstanceOfAnEntityAndKeepsTenantsApart() throws Exception {
    var entity = entity("ferry", "Vessel");
    var attributes = entity.copyOfAttributes();
    attributes.put(LOCATION, List.of(point(13.09, 54.31), gps2(point(13.38, 54.09))));
    attributes.put("https://example.org/harbour", List.of(point(13.60, 54.50)));
    store.write(TENANT, urn("ferry"), put(entity.withAttributes(attributes))).join();
    store.write("urn:tenant:other", urn("ferry"), put(entity("ferry", "Vessel"))).join();
    store
        .write(
            "urn:tenant:other",
            urn("elsewhere"),
            put(
                entity("elsewhere", "Vessel")
                    .withAttributes(java.util.Map.of(LOCATION, List.of(point(13.09, 54.31))))))
        .join();

    assertThat(inBox(13.0, 13.2, 54.2, 54.4)).containsExactly(urn("ferry"));
    assertThat(inBox(13.3, 13.4, 54.0, 54.1)).containsExactly(urn("ferry"));
    // A superset: the box of another GeoProperty selects the entity too (the exact predicate
    // on the queried GeoProperty runs afterwards).
    assertThat(inBox(13.5, 13.7, 54.4, 54.6)).containsExactly(urn("ferry"));

    // Two location instances become one: the box of the dropped instance goes too.
    attributes.put(LOCATION, List.of(point(13.09, 54.31)));
    store.write(TENANT, urn("ferry"), put(entity.withAttributes(attributes))).join();
    assertThat(inBox(13.0, 13.2, 54.2, 54.4)).containsExactly(urn("ferry"));
    assertThat(inBox(13.3, 13.4, 54.0, 54.1)).isEmpty();
  }

  private static Attribute gps2(Attribute point) {
    return new Attribute(
        point.kind(), point.value(), "urn:ngsi-ld:Dataset:gps2", null, null, null, null, null);
  }

  @Test
  void boxesAreReadFromEveryKindOfGeometry() {
    assertThat(IndexRows.envelope(json("{\"type\":\"Point\",\"coordinates\":[1,2]}")))
        .isEqualTo(new Envelope(1, 1, 2, 2));
    assertThat(
            IndexRows.envelope(
                json(
                    "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"LineString\",\"coordinates\":[[0,0],[3,1]]},{\"type\":\"Point\",\"coordinates\":[-1,5]}]}")))
        .isEqualTo(new Envelope(-1, 3, 0, 5));
    assertThat(IndexRows.envelope(json("{\"type\":\"Point\"}")).isNull()).isTrue();
  }
}
