package org.sundwerk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged write survives the process being killed (SIGKILL) in the middle of writing. */
class SqliteCrashTest {

  @TempDir Path directory;

  @Test
  void everyAcknowledgedWriteSurvivesAKill() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashWriter.class.getName(),
                directory.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("started");
      long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
      String line;
      while (System.nanoTime() < killAt && (line = out.readLine()) != null) {
        acknowledged.add(line);
      }
      // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves our end of the
      // pipe open: lines already in it were acknowledged before the kill too.
      child.toHandle().destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
      while ((line = out.readLine()) != null) {
        if (line.startsWith("urn:")) {
          acknowledged.add(line);
        }
      }
    } finally {
      child.destroyForcibly();
    }

    assertThat(acknowledged).hasSizeGreaterThan(10);
    try (JdbcEntityStore store = new JdbcEntityStore(directory)) {
      List<String> missing =
          acknowledged.stream()
              .filter(id -> store.retrieve(CrashWriter.TENANT, id).isEmpty())
              .toList();
      assertThat(missing).as("acknowledged of %d", acknowledged.size()).isEmpty();
    }
  }
}
