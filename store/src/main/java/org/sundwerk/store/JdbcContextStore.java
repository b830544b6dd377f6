package org.sundwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sundwerk.broker.context.ContextStore;
import org.sundwerk.broker.context.StoredContext;

/**
 * The {@link ContextStore} in the {@code context} table of a {@link StoreDatabase}. Contexts are
 * few and rarely written, so a save is one auto-committed statement on a pooled connection rather
 * than a trip through the entity writer; with a busy timeout it waits for the writer's lock.
 * Thread-safe. Holds no resources of its own: close the database.
 */
public final class JdbcContextStore implements ContextStore {

  private static final String COLUMNS = "id, url, kind, body, created_at";

  private final StoreDatabase database;
  private final String upsert;

  public JdbcContextStore(StoreDatabase database) {
    this.database = database;
    this.upsert =
        database
            .dialect()
            .upsert("context", List.of("id"), List.of("id", "url", "kind", "body", "created_at"));
  }

  @Override
  public void save(StoredContext context) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(upsert)) {
      statement.setString(1, context.id());
      statement.setString(2, context.url());
      statement.setString(3, context.kind());
      statement.setString(4, context.body());
      statement.setString(5, StoredEntityCodec.format(context.createdAt()));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("saving context " + context.id() + " failed", e);
    }
  }

  @Override
  public Optional<StoredContext> find(String id) {
    List<StoredContext> found = select("SELECT " + COLUMNS + " FROM context WHERE id = ?", id);
    return found.stream().findFirst();
  }

  @Override
  public List<StoredContext> all() {
    return select("SELECT " + COLUMNS + " FROM context ORDER BY id", null);
  }

  @Override
  public boolean delete(String id) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement =
            connection.prepareStatement("DELETE FROM context WHERE id = ?")) {
      statement.setString(1, id);
      return statement.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("deleting context " + id + " failed", e);
    }
  }

  private List<StoredContext> select(String sql, String id) {
    try (Connection connection = database.readPool().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (id != null) {
        statement.setString(1, id);
      }
      List<StoredContext> contexts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          contexts.add(
              new StoredContext(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  Instant.parse(rows.getString(5))));
        }
      }
      return contexts;
    } catch (SQLException e) {
      throw new IllegalStateException("reading contexts failed", e);
    }
  }
}
