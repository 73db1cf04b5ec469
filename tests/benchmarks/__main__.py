"""Run the benchmarks and print a table: ``python -m tests.benchmarks [--json PATH]``.

Figures, one key each (see the README's "Benchmarks" section):

- ``cold_build_s``: building the mesh cache from the atlases, in a subprocess.
- ``warm_start_s``, ``warm_start_rss_mb``: ``brain-circuits serve`` with the
  cache present, to the first HTTP 200 (median of ``--starts`` starts);
  resident memory after the first page.
- ``page_bytes_gzip``: everything the first view downloads, compressed as
  served to Chromium (zstd where the server prefers it); ``figure_bytes``
  (``_gzip``): the 3D figure's JSON.
- ``select_bytes`` (``_gzip``), ``select_ms_p50``, ``select_ms_p95``: the
  callbacks of one region selection, replayed in order over loopback.
- ``browser_first_3d_ms``, ``nilearn_connectome_ms``: median time from
  navigation to the first drawn 3D scene in headless Chromium, for the
  dashboard and for nilearn's ``view_connectome`` page of the same regions
  and pathways, loaded in turn; ``ratio_first_3d_vs_nilearn`` = ours /
  nilearn's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from tests.benchmarks import harness

TARGETS = {
    "warm_start_s": ("<=", 3.0),
    "warm_start_rss_mb": ("<=", 400.0),
    "figure_bytes_gzip": ("<=", 500_000),
    "select_bytes": ("<=", 30_000),
    "select_ms_p95": ("<=", 50.0),
    "ratio_first_3d_vs_nilearn": ("<=", 1.0),
}
UNITS = {"_s": "s", "_ms": "ms", "_ms_p50": "ms", "_ms_p95": "ms", "_mb": "MB", "_bytes": "bytes", "_gzip": "bytes", "_vs_nilearn": "×"}


def run(loads: int, repeats: int, starts: int) -> dict:
    from dashboard.resources import load_resources

    results: dict[str, float] = {}
    with harness.temporary_folder() as folder:
        cache = Path(folder) / "cache"
        results["cold_build_s"] = harness.cold_build(cache)
        warm_starts = []
        for _ in range(starts - 1):
            with harness.dashboard_server(cache) as (_, _, warm_start):
                warm_starts.append(warm_start)
        with harness.dashboard_server(cache) as (url, process, warm_start):
            results["warm_start_s"] = statistics.median([*warm_starts, warm_start])
            first_view, selection = harness.record_first_view(url)
            results["warm_start_rss_mb"] = harness.rss_mb(process.pid)
            results.update(harness.page_bytes(url, first_view))
            results.update(harness.selection_timing(selection, repeats))
            os.environ["BRAIN_CIRCUITS_CACHE"] = str(cache)
            page = harness.nilearn_connectome_page(Path(folder), load_resources())
            with harness.static_server(Path(folder)) as static:
                # interleaved, one load of each per round: a busy moment on the machine hits both
                ours, theirs = harness.first_3d_ms([url + "/", f"{static}/{page.name}"], loads)
    results["browser_first_3d_ms"] = statistics.median(ours)
    results["nilearn_connectome_ms"] = statistics.median(theirs)
    results["ratio_first_3d_vs_nilearn"] = results["browser_first_3d_ms"] / results["nilearn_connectome_ms"]
    results["warm_starts"] = starts
    results["browser_loads"] = loads
    results["select_repeats"] = repeats
    return results


def _unit(key: str) -> str:
    return next((unit for suffix, unit in UNITS.items() if key.endswith(suffix)), "")


def table(results: dict) -> str:
    lines = [f"{'figure':<28}{'value':>14}  {'unit':<6}{'target':>12}  verdict"]
    for key, value in results.items():
        target, verdict = "", ""
        if key in TARGETS:
            sign, limit = TARGETS[key]
            target = f"{sign} {limit:g}"
            verdict = "met" if value <= limit else "MISSED"
        shown = f"{value:,.0f}" if isinstance(value, int) or value >= 1000 else f"{value:.3g}"
        lines.append(f"{key:<28}{shown:>14}  {_unit(key):<6}{target:>12}  {verdict}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--loads", type=int, default=5, help="page loads per viewer (median taken; default 5)")
    parser.add_argument("--repeats", type=int, default=100, help="replays of the selection callbacks (default 100)")
    parser.add_argument("--starts", type=int, default=3, help="warm starts of the server (median taken; default 3)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    results = run(max(args.loads, 1), max(args.repeats, 2), max(args.starts, 1))
    print(table(results))
    print(f"\n(ran in {time.perf_counter() - start:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
