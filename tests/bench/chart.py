"""The rate-limit scenarios of a ``make bench`` report as a picture: time against the minimum, and 429s.

``make bench`` draws it into ``docs/_static/bench-rate-limits.png`` after each run that measured a
rate-limit scenario (``python tests/bench/chart.py build/bench-results.json OUT.png`` redraws it).
Each bar is one run of a scenario: its wall time as a multiple of the least the server's buckets
allow, and beside it the share of requests answered 429, for this client and for auth0-python.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

SCENARIOS = ("ratelimit", "mixed", "skewed_clock")
CLIENTS = {"facade": ("auth0-users", "#2b6cb0"), "sdk": ("auth0-python", "#c05621")}


def rows(report: dict[str, Any]) -> list[tuple[str, str, float, float]]:
    """(scenario label, client, x minimum, 429 share) for every run of the rate-limit scenarios."""
    found = []
    for key in SCENARIOS:
        for run in report.get(key, []):
            client = run.get("client")
            if client not in CLIENTS or run.get("x_minimum") is None:
                continue
            where = run.get("limits", "one bucket")
            workers = f"{run['workers']} worker{'s' if run['workers'] != 1 else ''}"
            label = f"{key.replace('_', ' ')}: {where}, {run['mode']}, {workers}"
            found.append((label, client, float(run["x_minimum"]), float(run.get("share_429", 0.0))))
    return found


def draw(report: dict[str, Any], out: Path) -> bool:
    """Draw the chart into ``out``; ``False`` when the report has no rate-limit run or matplotlib is missing."""
    measured = rows(report)
    try:
        import matplotlib as mpl

        mpl.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    if not measured:
        return False
    labels = sorted({label for label, *_ in measured}, key=[label for label, *_ in measured].index)
    height = 0.38
    figure, (times, refusals) = plt.subplots(1, 2, sharey=True, figsize=(11, 0.42 * len(labels) + 1.6))
    for offset, (client, (name, colour)) in zip((-height / 2, height / 2), CLIENTS.items(), strict=True):
        by_label = {label: (ratio, share) for label, who, ratio, share in measured if who == client}
        ys = [index + offset for index, label in enumerate(labels) if label in by_label]
        chosen = [by_label[label] for label in labels if label in by_label]
        times.barh(ys, [ratio for ratio, _ in chosen], height, color=colour, label=name)
        refusals.barh(ys, [100 * share for _, share in chosen], height, color=colour)
    times.axvline(1.0, color="black", linewidth=0.8)
    times.set_yticks(range(len(labels)), labels, fontsize=8)
    times.invert_yaxis()
    times.set_xlabel("wall time, as a multiple of the minimum the buckets allow (1 is best)")
    refusals.set_xlabel("requests answered 429 (%)")
    times.legend(loc="lower right")
    figure.suptitle(f"make bench, {report.get('date', '')[:10]}: writes and reads under Auth0-like rate limits")
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=110)
    plt.close(figure)
    return True


if __name__ == "__main__":
    import json

    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    sys.exit(0 if draw(json.loads(source.read_text(encoding="utf-8")), target) else 1)
