package io.tglive.graph;

import io.tglive.graph.GraphLoader.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Evaluates unit directories on worker threads as they are submitted, so that a walk of the tree
 * and the evaluation of the units it has found so far keep both cores busy; results come back in
 * submission order. Progress is reported from the workers as each unit is done, and once more,
 * last, by {@link #results()}.
 */
final class EvaluationPool implements AutoCloseable {

  private final ForkJoinPool pool;
  private final Function<Path, Evaluation> evaluation;
  private final LoadProgress progress;
  private final List<Future<Evaluation>> submitted = new ArrayList<>();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger found = new AtomicInteger();
  private volatile boolean allFound;

  EvaluationPool(int parallelism, Function<Path, Evaluation> evaluation, LoadProgress progress) {
    this.pool = new ForkJoinPool(parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors());
    this.evaluation = evaluation;
    this.progress = progress;
  }

  /** Starts evaluating a unit directory. Called from one thread only. */
  void submit(Path directory) {
    found.incrementAndGet();
    submitted.add(pool.submit(() -> {
      Evaluation result = evaluation.apply(directory);
      int finished = done.incrementAndGet();
      boolean over = allFound;
      int total = found.get();
      if (!over || finished < total) {
        progress.unitsEvaluated(finished, total, false);
      }
      return result;
    }));
  }

  /** Waits for every submitted unit; the evaluations in submission order. */
  List<Evaluation> results() {
    allFound = true;
    List<Evaluation> results = new ArrayList<>(submitted.size());
    try {
      for (Future<Evaluation> future : submitted) {
        results.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating units", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
    progress.unitsEvaluated(results.size(), results.size(), true);
    return results;
  }

  /** Stops the workers, abandoning whatever is still queued. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
