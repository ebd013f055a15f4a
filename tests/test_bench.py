"""The benchmark machinery works at a tiny size; no timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.bench.__main__ import TARGETS, BenchConfig, notes, run, table
from tests.bench.surge import run_surge
from tests.botapi.server import FloodControl

ROOT = Path(__file__).resolve().parents[1]

TINY = BenchConfig(
    "tiny",
    surge_feedbacks=20,
    surge_minutes=1.0,
    scale=120.0,
    latency=0.01,
    step_residents=5,
    flow_residents=3,
    db_rows=3_000,
    export_rows=500,
    soak_conversations=30,
)


async def test_a_tiny_run_reports_every_key(tmp_path: Path) -> None:
    results = await run(BenchConfig(**{**TINY.__dict__, "cache": tmp_path / "cache"}), tmp_path)
    line = json.loads(json.dumps(results))
    # The tiny run has no database of five million.
    measured = [key for key in TARGETS if "_5m_" not in key]
    assert len(measured) > len(TARGETS) / 2
    for key in measured:
        assert isinstance(line[key], int | float), key
        assert line[key] >= 0, key
    assert isinstance(line["surge_429"], int)
    assert line["surge_delivered"] == line["surge_feedbacks"] == 20
    assert line["step_updates"] == 5 * 5
    assert line["export_rows"] == 500
    # After the soak and its idle hour, the bot keeps nothing per resident.
    assert line["soak_conversations"] == 30
    assert set(line["soak_kept_after_idle"].values()) == {0}, line["soak_kept_after_idle"]
    assert "after idle" in line["soak_rss_curve_mb"]
    assert len(line["start_runs_s"]) == 5
    rendered = table(results)
    assert all(key in rendered for key in measured)
    assert line["desk_1m_sizes"]["find_rare_matches"] > 0
    assert notes(results)[0] == "mode: tiny"


async def test_the_database_part_runs_without_the_bot(tmp_path: Path) -> None:
    config = BenchConfig(
        **{**TINY.__dict__, "cache": tmp_path / "cache", "with_bot": False, "big_rows": 4_000}
    )

    results = await run(config, tmp_path)

    assert "surge_minutes" not in results
    for size in ("1m", "5m"):
        for key in ("find_common", "open_mine", "open_page50", "report_quarter", "stats"):
            assert results[f"{key}_{size}_ms"] >= 0
    assert results["desk_5m_sizes"]["report_quarter_received"] > 0
    assert notes(results)[1].startswith("database only")
    assert any(line.startswith("5m: 4,000 feedbacks over 1 year (") for line in notes(results))


async def test_a_surge_reaches_the_group_whole_without_a_429(tmp_path: Path) -> None:
    # 60 feedbacks in one simulated minute: far more than 20 messages' worth, so the group
    # limit binds and the outbox must pack; the server refuses anything over the limit.
    result = await run_surge(tmp_path, feedbacks=60, over_minutes=1.0, scale=60.0, latency=0.05)
    assert result.delivered == result.feedbacks == 60
    assert result.refused == 0
    assert 0 < result.group_messages < 60


def test_flood_control_answers_429_over_the_group_limit() -> None:
    now = [0.0]
    flood = FloodControl(group_rate=20, group_period=60.0, clock=lambda: now[0])
    assert [flood.check(-100) for _ in range(20)] == [None] * 20
    assert flood.check(-100) == 3  # one message drains in 3 s
    assert flood.check(42) is None  # a private chat is not held by the group's limit
    now[0] = 3.0
    assert flood.check(-100) is None
    assert (flood.refused, flood.counted) == (1, 22)


def test_python_m_bench_starts_the_benchmarks_with_their_options() -> None:
    # ``bench/`` imports nothing of tests/: it becomes ``python -m tests.bench``.
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("usage: python -m bench")
    for option in ("--quick", "--latency-ms", "--scale", "--database-only"):
        assert option in done.stdout
    refused = subprocess.run(
        [sys.executable, "-m", "bench", "--no-such-option"], cwd=ROOT, capture_output=True
    )
    assert refused.returncode == 2
