package io.tglive.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one evaluation records: the files it reads, the paths it probes and its diagnostics. A unit has one session;
 * each {@code read_terragrunt_config} target evaluated afresh gets a nested one, so its result can
 * be cached with exactly what it read. Confined to one thread.
 */
final class EvaluationSession {

  final SnapshotView snapshot;
  final Map<String, String> environment;
  final Path originalDirectory;
  final Set<Path> reads = new LinkedHashSet<>();
  /** Paths whose kind (file, directory, missing) the evaluation asked about, beyond {@link #reads}. */
  final Set<Path> probes = new HashSet<>();
  /** The {@code find_in_parent_folders} lookups the evaluation made. */
  final Set<ParentFolderLookup> lookups = new HashSet<>();
  final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
  /** The {@code read_terragrunt_config} targets being evaluated, outermost first. */
  final List<Path> readChain;
  /** Set when something in this session asked for {@link #originalDirectory}. */
  boolean readerDependent;

  EvaluationSession(SnapshotView snapshot, Map<String, String> environment, Path originalDirectory) {
    this(snapshot, environment, originalDirectory, List.of());
  }

  private EvaluationSession(
      SnapshotView snapshot, Map<String, String> environment, Path originalDirectory, List<Path> readChain) {
    this.snapshot = snapshot;
    this.environment = environment;
    this.originalDirectory = originalDirectory;
    this.readChain = readChain;
  }

  /** A session for evaluating a {@code read_terragrunt_config} target from this one. */
  EvaluationSession nested(Path target) {
    List<Path> chain = new ArrayList<>(readChain);
    chain.add(target);
    return new EvaluationSession(snapshot, environment, originalDirectory, List.copyOf(chain));
  }

  /** Adds what a nested session (or its cached result) read and reported. */
  void absorb(SnapshotCache.ReadResult result) {
    reads.addAll(result.reads());
    probes.addAll(result.probes());
    lookups.addAll(result.lookups());
    diagnostics.addAll(result.diagnostics());
    readerDependent |= result.readerDependent();
  }
}
