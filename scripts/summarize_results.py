"""Sums test outcomes over every runner's result files (TRX from dotnet test,
JUnit XML from pytest) into the one line CI reads: "N passed, N failed, N skipped"."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TRX_NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def count_trx(path: Path) -> tuple[int, int, int]:
    counters = ET.parse(path).getroot().find(f"{TRX_NS}ResultSummary/{TRX_NS}Counters")
    if counters is None:
        raise ValueError(f"{path}: no ResultSummary/Counters")
    passed = int(counters.get("passed", 0))
    failed = int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    # dotnet's TRX leaves skipped tests out of "executed" without counting them
    # as notExecuted, so skips are what was not executed.
    skipped = int(counters.get("total", 0)) - int(counters.get("executed", 0))
    return passed, failed, skipped


def count_junit(path: Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    passed = failed = skipped = 0
    for suite in suites:
        tests = int(suite.get("tests", 0))
        bad = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skip = int(suite.get("skipped", 0))
        passed += tests - bad - skip
        failed += bad
        skipped += skip
    return passed, failed, skipped


def main(results_dir: str) -> int:
    totals = [0, 0, 0]
    for path in sorted(Path(results_dir).rglob("*")):
        if path.suffix == ".trx":
            counts = count_trx(path)
        elif path.suffix == ".xml" and not path.name.startswith("Sequence_"):  # --blame's test order, not results
            counts = count_junit(path)
        else:
            continue
        totals = [t + c for t, c in zip(totals, counts)]
    print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
