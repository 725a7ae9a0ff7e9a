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
 * submission order. Progress is reported from the workers while units are being found (the total
 * is then unknown, {@code -1}) and once more, last, by {@link #results()} with the final count.
 */
final class EvaluationPool implements AutoCloseable {

  private final ForkJoinPool pool;
  private final Function<Path, Evaluation> evaluation;
  private final LoadProgress progress;
  private final List<Future<Evaluation>> submitted = new ArrayList<>();
  private final AtomicInteger done = new AtomicInteger();
  /** The number of units once every one has been submitted; -1 until then. */
  private final AtomicInteger total = new AtomicInteger(-1);

  EvaluationPool(int parallelism, Function<Path, Evaluation> evaluation, LoadProgress progress) {
    this.pool = new ForkJoinPool(parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors());
    this.evaluation = evaluation;
    this.progress = progress;
  }

  /** Starts evaluating a unit directory. Called from one thread only. */
  void submit(Path directory) {
    submitted.add(pool.submit(() -> {
      Evaluation result = evaluation.apply(directory);
      int finished = done.incrementAndGet();
      int known = total.get();
      if (known < 0 || finished < known) {
        progress.unitsEvaluated(finished, known);
      }
      return result;
    }));
  }

  /** Waits for every submitted unit; the evaluations in submission order. */
  List<Evaluation> results() {
    total.set(submitted.size());
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
    progress.unitsEvaluated(results.size(), results.size());
    return results;
  }

  /** Stops the workers, abandoning whatever is still queued. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
