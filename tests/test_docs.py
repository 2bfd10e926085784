"""The docs must mention every CLI command (sub-apps and plugin commands included) and every
setting. A command counts as documented when "cartelscope <command path>" appears in README.md or
docs/*.md; a setting when its environment variable (CARTELSCOPE_<NAME>) does."""
from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from cartelscope import config
from cartelscope.cli import app

ROOT = Path(__file__).resolve().parent.parent


def docs_text() -> str:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(f.read_text("utf-8") for f in files if f.exists())


def command_paths() -> list[str]:
    """Every leaf command as typed after `cartelscope`, e.g. "ingest", "db upgrade"."""
    root = typer.main.get_command(app)
    out: list[str] = []

    def walk(group, prefix: list[str]) -> None:
        for name, cmd in sorted(getattr(group, "commands", {}).items()):
            if getattr(cmd, "hidden", False):
                continue
            if hasattr(cmd, "commands"):
                walk(cmd, prefix + [name])
            else:
                out.append(" ".join(prefix + [name]))

    walk(root, [])
    return out


def test_the_walk_finds_known_commands():
    paths = command_paths()
    assert {"ingest", "stats", "db upgrade", "knowledge lookup"} <= set(paths)


@pytest.mark.parametrize("path", command_paths())
def test_command_is_documented(path):
    if f"cartelscope {path}" not in docs_text():
        pytest.fail(f"`cartelscope {path}` is not mentioned in README.md or docs/*.md")


@pytest.mark.parametrize("name", sorted(config.SETTINGS))
def test_setting_is_documented(name):
    env = config.SETTINGS[name].env
    if env not in docs_text():
        pytest.fail(f"{env} is not mentioned in README.md or docs/*.md")
