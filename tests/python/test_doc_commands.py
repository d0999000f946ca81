"""Every documented shell block that starts the server runs as written.

Issue 20: a new user copies commands out of the docs; a block that the server
refuses (an off-loopback address without a token, a flag that was renamed)
must fail here, not in front of them. The test finds each ```sh block in the
repository's Markdown that starts ``ColorizeBridge.Server.dll``, runs its lines
with bash in a scratch folder that mirrors the checkout (so files the block
writes, e.g. a token file, stay out of the tree), swaps only the ports of
``--listen``/``--web-listen`` for free ones so blocks can run side by side with
other tests, and passes when the server prints ``listening on``.

A block preceded by ``<!-- doc-test: help-only -->`` (one that needs a GPU)
runs its server command with ``--help`` instead: its flags must still parse.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER_DLL = ROOT / "server/ColorizeBridge.Server/bin/Release/net10.0/ColorizeBridge.Server.dll"
DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted(ROOT.glob("clients/*/README.md")),
    *sorted(ROOT.glob("plugins/*/README.md")),
    ROOT / "training/README.md",
]
HELP_ONLY_MARK = "<!-- doc-test: help-only -->"
STARTUP_SECONDS = 90


@dataclass(frozen=True)
class ShellBlock:
    path: Path
    line: int
    text: str
    help_only: bool

    @property
    def test_id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def server_blocks() -> list[ShellBlock]:
    """The ```sh blocks of every doc that start the server."""
    blocks: list[ShellBlock] = []
    for path in DOCS:
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        index = 0
        while index < len(lines):
            if lines[index].strip() == "```sh":
                start = index
                body: list[str] = []
                index += 1
                while index < len(lines) and lines[index].strip() != "```":
                    body.append(lines[index])
                    index += 1
                text = "\n".join(body)
                if "ColorizeBridge.Server.dll" in text:
                    before = [l.strip() for l in lines[max(0, start - 3):start] if l.strip()]
                    help_only = bool(before) and before[-1] == HELP_ONLY_MARK
                    blocks.append(ShellBlock(path, start + 1, text, help_only))
            index += 1
    return blocks


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def with_free_ports(text: str) -> str:
    """Swaps the port of each --listen / --web-listen address, host kept as written."""
    return re.sub(
        r"(--(?:web-)?listen[ =])(\S+):(\d+)",
        lambda m: f"{m.group(1)}{m.group(2)}:{free_port()}",
        text,
    )


def starts_server(line: str) -> bool:
    """A line that runs the server (not one that only names it in a variable)."""
    stripped = line.strip()
    if stripped.startswith("$server"):
        return True
    return "ColorizeBridge.Server.dll" in stripped and not re.match(r"^\w+=", stripped)


def as_help_only(text: str) -> str:
    """Runs each of the block's server commands with --help (flags still parsed)."""
    joined = text.replace("\\\n", " ")
    lines = []
    for line in joined.splitlines():
        if starts_server(line):
            line = re.sub(r"\s*&\s*$", "", line) + " --help"
        lines.append(line)
    return "\n".join(lines)


def scratch_checkout(tmp_path: Path) -> Path:
    """A folder whose entries link to the checkout's, so relative paths resolve."""
    scratch = tmp_path / "checkout"
    scratch.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in {".git", "artifacts", "out"}:
            (scratch / entry.name).symlink_to(entry)
    return scratch


BLOCKS = server_blocks()


def test_docs_have_server_blocks() -> None:
    # The README and the client docs each show how to start the server; if the
    # finder found none, the parametrised test below would pass vacuously.
    assert len(BLOCKS) >= 3, [b.test_id for b in BLOCKS]


@pytest.mark.skipif(not SERVER_DLL.exists(), reason="server not built (scripts/setup.sh builds it)")
@pytest.mark.parametrize("block", BLOCKS, ids=[b.test_id for b in BLOCKS])
def test_server_block_runs_as_written(block: ShellBlock, tmp_path: Path) -> None:
    script = as_help_only(block.text) if block.help_only else with_free_ports(block.text)
    cwd = scratch_checkout(tmp_path)
    log = tmp_path / "output.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["bash", "-e", "-c", script],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "DOTNET_NOLOGO": "1"},
        )
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while time.monotonic() < deadline:
                text = log.read_text(errors="replace")
                if block.help_only:
                    if process.poll() is not None:
                        assert process.returncode == 0, f"{block.test_id} --help failed:\n{text}"
                        assert "--listen" in text, text
                        return
                elif "listening on" in text:
                    return
                elif process.poll() is not None:
                    pytest.fail(f"{block.test_id} exited {process.returncode} before listening:\n{text}")
                time.sleep(0.2)
            pytest.fail(f"{block.test_id} did not start within {STARTUP_SECONDS} s:\n{log.read_text(errors='replace')}")
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
