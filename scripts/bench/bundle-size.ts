import type {BenchMetric, BenchOptions} from '../../packages/content/bench/benchmark.ts'
import {measureBundle, ourBundles, peerBundles} from '../lib/bundle-size.ts'

/**
 * Browser bundle sizes (esbuild, minified, gzip -9), the same measurement as `pnpm size`: one
 * metric per entry of ours, its goal the entry's budget, with the peers' sizes beside it.
 */
export async function run(options: BenchOptions): Promise<Record<string, BenchMetric>> {
  options.progress('bundling')
  const peers = await Promise.all(peerBundles.map(measureBundle))
  const peerSizes = Object.fromEntries(peers.map((entry) => [entry.name, entry.gzip]))
  const metrics: Record<string, BenchMetric> = {}
  for (const entry of ourBundles) {
    const size = await measureBundle(entry)
    metrics[`browser_${entry.metric}_gzip_bytes`] = {
      value: size.gzip,
      unit: 'bytes',
      goal: {atMost: entry.budgetGzip},
      ...(entry.peer ? {peer: `${entry.peer}: ${peerSizes[entry.peer]} B gzip`} : {}),
      description: `${entry.name}: ${entry.code}`,
      minified_bytes: size.minified,
    }
  }
  return metrics
}
