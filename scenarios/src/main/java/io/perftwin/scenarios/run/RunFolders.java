package io.perftwin.scenarios.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names and creates result folders: {@code <runs root>/<UTC time>-<name>} (a run's name is its
 * scenario's, a capacity study's {@code <scenario>-capacity}), never reusing one.
 */
public final class RunFolders {
  private RunFolders() {}

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Creates a new, empty folder and returns it; its name is the run (or study) id. */
  public static Path create(Path runsRoot, Instant now, String name) {
    String base = ID_TIME.format(now) + "-" + name;
    try {
      Files.createDirectories(runsRoot);
      for (int i = 1; ; i++) {
        Path dir = runsRoot.resolve(i == 1 ? base : base + "-" + i);
        try {
          return Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
          // another run or study in the same second: take the next suffix
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a results folder under " + runsRoot + ": " + e.getMessage(), e);
    }
  }

  /** Creates exactly {@code dir} (an agent's folder, a merged run's); it must not hold files yet. */
  public static Path createExact(Path dir) {
    try {
      Files.createDirectories(dir);
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty: results go into a new folder");
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
