/**
 * The run-results format: what a run folder holds for machines, and how to write and read it.
 *
 * <h2>latency.hlog</h2>
 * An HdrHistogram interval log (format 1.3, as written by {@link org.HdrHistogram.HistogramLogWriter}),
 * readable by HdrHistogram's own {@code HistogramLogReader} and {@code HistogramLogProcessor}.
 * Values are nanoseconds; the "max" column is in milliseconds (unit ratio 1e6). Timestamps are
 * seconds relative to the {@code #[StartTime: …]} line, which is the start of the first phase.
 * One entry per tag per reporting interval (1 s), written while the run is under way. Tags:
 * <ul>
 *   <li>{@code <name>} — response time, from each request's <em>intended</em> start to the end
 *       of its response (or to its failure), of every completed request of measured phases,
 *       successful or not;</li>
 *   <li>{@code service/<name>} — service time, from the actual write of the request to the end
 *       of its response; only for requests that were written;</li>
 *   <li>{@code errors/<name>} — response time of the failed requests only (its count is the
 *       error count);</li>
 *   <li>{@code generator/lag} — schedule lag, dispatch time minus intended time, all names;</li>
 *   <li>the same tags prefixed with {@code warmup/} for requests whose intended start fell in a
 *       warm-up phase.</li>
 * </ul>
 * Request names never contain {@code /}, so tags cannot collide.
 *
 * <h2>run.json</h2>
 * The manifest, {@link io.perftwin.loadgen.results.RunManifest}.
 */
package io.perftwin.loadgen.results;
