package io.tglive.queue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The command line that starts a {@link QueueCrashWriter}: the client compiler, and a class-data
 * archive recorded once from a short writer run, which halves the CPU a writer needs to start (a kill
 * costs one start). The archive needs a classpath of jars, so class directories are packed into jars
 * first. Without an archive (the JVM cannot record one) writers start without it.
 */
final class WriterJvm {

  private WriterJvm() {}

  static List<String> options(Path tmp) throws IOException, InterruptedException {
    List<String> plain = List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
        "-Xmx128m", "-cp", System.getProperty("java.class.path"));
    String jars = jarClasspath(tmp.resolve("classpath"));
    Path archive = tmp.resolve("writer.jsa");
    List<String> record = new ArrayList<>(List.of(java(), "-XX:ArchiveClassesAtExit=" + archive,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", jars,
        QueueCrashWriter.class.getName(), tmp.resolve("warm-up").toString(), "warm-up", "1", "300"));
    Process process = new ProcessBuilder(record).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("archive.log").toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return plain;
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(archive)) {
      return plain;
    }
    return List.of(java(), "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:-UsePerfData", "-Xmx128m", "-cp", jars);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** This JVM's classpath (through a manifest-only jar, as surefire starts tests) with directories packed. */
  private static String jarClasspath(Path into) throws IOException {
    Files.createDirectories(into);
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      entries.addAll(expand(Path.of(entry)));
    }
    List<String> jars = new ArrayList<>();
    for (String entry : entries) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = into.resolve("dir-" + jars.size() + ".jar");
        pack(path, jar);
        jars.add(jar.toString());
      } else if (Files.isRegularFile(path)) {
        jars.add(entry);
      }
    }
    return String.join(File.pathSeparator, jars);
  }

  private static List<String> expand(Path entry) throws IOException {
    if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
      return List.of(entry.toString());
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      String classPath = jar.getManifest() == null ? null
          : jar.getManifest().getMainAttributes().getValue("Class-Path");
      if (classPath == null || jar.getEntry("io/") != null || jar.stream().count() > 2) {
        return List.of(entry.toString());
      }
      List<String> expanded = new ArrayList<>();
      for (String url : classPath.trim().split("\\s+")) {
        expanded.add(Path.of(URI.create(url.startsWith("file:") ? url : entry.getParent().toUri().resolve(url)
            .toString())).toString());
      }
      return expanded;
    }
  }

  private static void pack(Path directory, Path jar) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
         Stream<Path> files = Files.walk(directory)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        jarOut.putNextEntry(new JarEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
  }
}
