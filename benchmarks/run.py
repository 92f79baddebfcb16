"""Run every benchmark and write the figures with the machine's description.

    .venv/bin/python benchmarks/run.py            # default sizes (minutes)
    .venv/bin/python benchmarks/run.py --quick    # small sizes, for a smoke run
    .venv/bin/python benchmarks/run.py --full     # the scale targets themselves (100,000-report ingest)
    .venv/bin/python benchmarks/run.py --only search,ingest

Each benchmark runs in a fresh Python process (so one's memory and pinned cores do not colour the
next), its module imported lazily; a module that is missing is reported "not available".
Results: benchmarks/results/latest.md (targets with measured figure and pass/fail) and latest.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
MARKER = "BENCHMARK-RESULT:"

Target = dict[str, Any]


def _extract_targets(figures: dict[str, Any]) -> list[Target]:
    targets = []
    if "ours_kb_per_s" in figures:
        rate = figures["ours_kb_per_s"]
        targets.append({"name": "extraction throughput, KB/s (one core)", "target": ">= 1024",
                        "measured": f"{rate:.0f}", "pass": rate >= 1024})  # fmt: skip
    if "speedup" in figures:
        targets.append({"name": "extraction speed vs quantulum3", "target": ">= 30x",
                        "measured": f"{figures['speedup']}x", "pass": figures["speedup"] >= 30})  # fmt: skip
    if "startup_s" in figures:
        targets.append({"name": "`factcheck extract` start-up on one small file", "target": "< 1 s",
                        "measured": f"{figures['startup_s']:.2f} s", "pass": figures["startup_s"] < 1.0})  # fmt: skip
    return targets


def _compare_targets(figures: dict[str, Any]) -> list[Target]:
    limits = figures.get("targets", {})
    claims = figures.get("claims", 0)
    targets = []
    if "full_pass_seconds" in figures:
        limit = limits.get("full_pass_seconds", 60)
        targets.append({"name": f"full comparison of {claims:,} claims", "target": f"<= {limit} s",
                        "measured": f"{figures['full_pass_seconds']} s",
                        "pass": figures["full_pass_seconds"] <= limit})  # fmt: skip
    if "incremental_median_ms" in figures:
        limit = limits.get("incremental_ms", 50)
        targets.append({"name": "incremental comparison of a new report (median)", "target": f"<= {limit} ms",
                        "measured": f"{figures['incremental_median_ms']} ms",
                        "pass": figures["incremental_median_ms"] <= limit})  # fmt: skip
    return targets


def _tui_targets(figures: dict[str, Any]) -> list[Target]:
    try:
        from benchmarks.bench_tui import TARGETS  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        TARGETS = {}
    return [
        {
            "name": f"TUI {name}",
            "target": f"< {limit}",
            "measured": f"{figures[name]:.3f}",
            "pass": figures[name] < limit,
        }
        for name, limit in TARGETS.items()
        if isinstance(figures.get(name), int | float)
    ]


def _own_targets(figures: dict[str, Any]) -> list[Target]:
    return list(figures.get("targets", []))


# name -> (module, run() keyword arguments for quick / default / full, how to read its targets)
BENCHMARKS: dict[str, tuple[str, dict[str, dict[str, Any]], Callable[[dict[str, Any]], list[Target]]]] = {
    "extract": ("benchmarks.bench_extract",
                {"quick": {"corpus_bytes": 40_000}, "default": {}, "full": {}}, _extract_targets),
    "compare": ("benchmarks.bench_compare",
                {"quick": {"n": 50_000, "reports": 5}, "default": {"n": 1_000_000}, "full": {"n": 1_000_000}},
                _compare_targets),
    "search": ("benchmarks.bench_search",
               {"quick": {"quick": True}, "default": {}, "full": {}}, _own_targets),
    "ingest": ("benchmarks.bench_ingest",
               {"quick": {"quick": True}, "default": {}, "full": {"full": True}}, _own_targets),
    "tui": ("benchmarks.bench_tui", {"quick": {"n": 50_000}, "default": {}, "full": {}}, _tui_targets),
}  # fmt: skip


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    memory = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": _postgres_version(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


def _postgres_version() -> str | None:
    candidates = [
        shutil.which("pg_ctl"),
        *sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True),
    ]
    for candidate in candidates:
        if candidate:
            try:
                out = subprocess.run(
                    [str(candidate), "--version"], capture_output=True, text=True, timeout=10
                )
                return out.stdout.strip() or None
            except OSError:
                continue
    return None


def run_one(module: str, kwargs: dict[str, Any], timeout: float) -> dict[str, Any]:
    """Run module.run(**kwargs) in a fresh process; its figures come back as one JSON line."""
    if importlib.util.find_spec(module) is None:
        return {"status": "not available", "reason": f"{module} is missing"}
    code = (
        "import json, sys\n"
        f"import {module} as bench\n"
        f"figures = bench.run(**{kwargs!r})\n"
        f"print({MARKER!r} + json.dumps(figures, default=str))\n"
    )
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")},
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return {"status": "timed out", "reason": f"over {timeout:.0f} s"}
    seconds = round(time.perf_counter() - started, 1)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARKER):
            return {"status": "ok", "seconds": seconds, "figures": json.loads(line[len(MARKER) :])}
    reason = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
    if "No module named" in reason or "ImportError" in reason:
        return {"status": "not available", "reason": reason}
    return {"status": "failed", "seconds": seconds, "reason": reason[:500]}


def _markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run: {report['started']} (mode: {report['mode']})",
        "",
        "## Machine",
        "",
    ]
    for key, value in report["machine"].items():
        lines.append(f"- {key}: {value}")
    lines += [
        "",
        "## Targets",
        "",
        "| benchmark | target | goal | measured | result |",
        "|---|---|---|---|---|",
    ]
    for name, outcome in report["benchmarks"].items():
        if outcome["status"] != "ok":
            lines.append(f"| {name} | - | - | {outcome['status']}: {outcome.get('reason', '')} | n/a |")
            continue
        for target in outcome["targets"]:
            verdict = {True: "PASS", False: "FAIL", None: "n/a"}[target["pass"]]
            lines.append(
                f"| {name} | {target['name']} | {target['target']} | {target['measured']} | {verdict} |"
            )
    lines += ["", "## Figures", ""]
    for name, outcome in report["benchmarks"].items():
        lines.append(f"### {name} ({outcome['status']}, {outcome.get('seconds', '-')} s)")
        lines += ["", "```json", json.dumps(outcome.get("figures", outcome.get("reason")), indent=1, default=str),
                  "```", ""]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Run every factcheck benchmark and write benchmarks/results/latest.md."
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="small sizes")
    size.add_argument("--full", action="store_true", help="the full scale targets (long)")
    parser.add_argument(
        "--only", default=",".join(BENCHMARKS), help="comma-separated: " + ",".join(BENCHMARKS)
    )
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per benchmark")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest")
    args = parser.parse_args(argv)
    mode = "quick" if args.quick else "full" if args.full else "default"
    report: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "mode": mode,
        "machine": machine(),
        "benchmarks": {},
    }
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        if name not in BENCHMARKS:
            parser.error(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
        module, sizes, read_targets = BENCHMARKS[name]
        print(f"running {name} ({mode}) ...", flush=True)
        outcome = run_one(module, sizes[mode], args.timeout)
        outcome["targets"] = read_targets(outcome["figures"]) if outcome["status"] == "ok" else []
        report["benchmarks"][name] = outcome
        for target in outcome["targets"]:
            verdict = {True: "PASS", False: "FAIL", None: "n/a"}[target["pass"]]
            print(
                f"  [{verdict}] {target['name']}: {target['measured']} (target {target['target']})",
                flush=True,
            )
        if outcome["status"] != "ok":
            print(f"  {outcome['status']}: {outcome.get('reason', '')}", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.with_suffix(".json").write_text(
        json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8"
    )
    args.output.with_suffix(".md").write_text(_markdown(report) + "\n", encoding="utf-8")
    print(f"wrote {args.output.with_suffix('.md')} and .json")
    return 0


if __name__ == "__main__":
    if __package__ in (None, ""):
        sys.path.insert(0, str(ROOT))  # run as a script from a fresh clone
    sys.exit(main())
