-- Prints wrk's latency percentiles, including the p95 that --latency leaves
-- out, in milliseconds, as one line that scripts/loadtest-county.sh reads.
done = function(summary, latency, requests)
  io.write(string.format("PERCENTILES p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
