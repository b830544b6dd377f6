package org.sundwerk.ngsild.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory of context documents served in place of their remote URLs, so that well-known
 * contexts (Smart Data Models, partner vocabularies) resolve without network access.
 *
 * <p>Layout: the directory holds the {@code .jsonld} files and an {@code index.json} that maps each
 * URL to a file name relative to the directory, for example:
 *
 * <pre>{@code
 * {
 *   "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld":
 *       "Parking.context.jsonld",
 *   "https://smartdatamodels.org/context.jsonld": "all.context.jsonld"
 * }
 * }</pre>
 *
 * File names must stay inside the directory. The index is read once at construction; each file is
 * read on first use and then kept. Thread-safe.
 */
public final class PreloadedContexts {

  /** The name of the index file inside the directory. */
  public static final String INDEX_FILE = "index.json";

  private static final PreloadedContexts NONE = new PreloadedContexts(Map.of());

  private final Map<String, Path> files;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();

  private PreloadedContexts(Map<String, Path> files) {
    this.files = Map.copyOf(files);
  }

  /** No preloaded contexts. */
  public static PreloadedContexts none() {
    return NONE;
  }

  /**
   * Reads the index of the directory.
   *
   * @throws IllegalArgumentException when the index is missing or malformed, or names a file
   *     outside the directory or one that does not exist (a configuration error, found at startup)
   */
  public static PreloadedContexts from(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    Path index = root.resolve(INDEX_FILE);
    JsonObject entries;
    try (Reader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
      entries = Json.createReader(reader).readObject();
    } catch (IOException | JsonException e) {
      throw new IllegalArgumentException("cannot read the preloaded-contexts index " + index, e);
    }
    Map<String, Path> files = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : entries.entrySet()) {
      if (!(entry.getValue() instanceof JsonString name)) {
        throw new IllegalArgumentException(
            index + ": the value for " + entry.getKey() + " must be a file name");
      }
      Path file = root.resolve(name.getString()).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            index + ": " + name.getString() + " is not a file inside " + root);
      }
      files.put(entry.getKey(), file);
    }
    return new PreloadedContexts(files);
  }

  /** The document preloaded for the URL. */
  public Optional<String> find(String url) {
    Path file = files.get(url);
    if (file == null) {
      return Optional.empty();
    }
    return Optional.of(bodies.computeIfAbsent(url, u -> read(file)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read preloaded context " + file, e);
    }
  }
}
