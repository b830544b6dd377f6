package org.sundwerk.ngsild.jsonld;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
 * read on first use and then kept. The Smart Data Models domain contexts are bundled in the same
 * layout ({@link #smartDataModels()}), so their URLs resolve offline out of the box. Thread-safe.
 */
public final class PreloadedContexts {

  /** The name of the index file inside the directory. */
  public static final String INDEX_FILE = "index.json";

  /** Where the bundled Smart Data Models contexts lie on the class path, with their index. */
  static final String SMART_DATA_MODELS = "smart-data-models/";

  private static final PreloadedContexts NONE = new PreloadedContexts(Map.of(), Map.of());

  /** Each URL's document, read by {@link #reader} from its file or resource name. */
  private final Map<String, String> names;

  private final Map<String, Function<String, String>> readers;
  private final Map<String, String> bodies = new ConcurrentHashMap<>();

  private PreloadedContexts(
      Map<String, String> names, Map<String, Function<String, String>> readers) {
    this.names = Map.copyOf(names);
    this.readers = Map.copyOf(readers);
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
    Map<String, String> names = new HashMap<>();
    Map<String, Function<String, String>> readers = new HashMap<>();
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
      names.put(entry.getKey(), file.toString());
      readers.put(entry.getKey(), f -> read(Path.of(f)));
    }
    return new PreloadedContexts(names, readers);
  }

  /**
   * The official Smart Data Models domain contexts (Parking, PointOfInterest, Transportation,
   * Environment, Weather, WaterQuality, WasteManagement, TourismDestinations, Streetlighting,
   * IssueTracking) under their {@code raw.githubusercontent.com/smart-data-models/...} URLs, as
   * published (CC-BY-4.0); see the README next to them.
   */
  public static PreloadedContexts smartDataModels() {
    JsonObject entries;
    try (InputStream in = resource(SMART_DATA_MODELS + INDEX_FILE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      entries = Json.createReader(reader).readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> names = new HashMap<>();
    Map<String, Function<String, String>> readers = new HashMap<>();
    for (Map.Entry<String, JsonValue> entry : entries.entrySet()) {
      names.put(entry.getKey(), SMART_DATA_MODELS + ((JsonString) entry.getValue()).getString());
      readers.put(entry.getKey(), PreloadedContexts::readResource);
    }
    return new PreloadedContexts(names, readers);
  }

  /** These contexts, and for the URLs they do not hold, the fallback's. */
  public PreloadedContexts orElse(PreloadedContexts fallback) {
    Map<String, String> allNames = new HashMap<>(fallback.names);
    Map<String, Function<String, String>> allReaders = new HashMap<>(fallback.readers);
    allNames.putAll(names);
    allReaders.putAll(readers);
    return new PreloadedContexts(allNames, allReaders);
  }

  /** The document preloaded for the URL. */
  public Optional<String> find(String url) {
    String name = names.get(url);
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(bodies.computeIfAbsent(url, u -> readers.get(u).apply(name)));
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = PreloadedContexts.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("bundled context missing: " + name);
    }
    return in;
  }

  private static String readResource(String name) {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read preloaded context " + file, e);
    }
  }
}
