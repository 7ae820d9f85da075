"""Docs that cannot rot: README.md must name what the code offers.

A test here fails when a CLI command or option, a setting, an API route, a top-level key of the
parse schema, a metadata or node field, or a node kind exists in the code but not in README.md,
or when the README no longer opens with ``scripts/serve`` and ``scripts/test``. Each item is
looked up in its own section, so moving text around is fine; renaming a section means renaming
it here too. (After datasette's ``tests/test_docs.py``.)
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from app.cli import app as cli_app
from app.config import Settings
from app.main import create_app
from app.structure.tree import KINDS, Document, Metadata, Node

CHECKOUT = Path(__file__).resolve().parent.parent
README = CHECKOUT / "README.md"

_FENCE_RE = re.compile(r"^```.*?^```[ \t]*$", re.M | re.S)
_HEADING_RE = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<title>.+?)[ \t]*$", re.M)
_PARAM_RE = re.compile(r"\{[^{}]*\}")


def readme_text() -> str:
    return README.read_text(encoding="utf-8")


def _without_code(text: str) -> str:
    """The text with fenced code blocks blanked (same length), so ``# comment`` is no heading."""
    return _FENCE_RE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def section(title: str) -> str:
    """The text under the heading ``title`` (any level), up to the next heading of that level or higher."""
    text = readme_text()
    headings = list(_HEADING_RE.finditer(_without_code(text)))
    for i, heading in enumerate(headings):
        if heading["title"].strip().lower() == title.lower():
            level = len(heading["level"])
            end = next((h.start() for h in headings[i + 1:] if len(h["level"]) <= level), len(text))
            return text[heading.end():end]
    pytest.fail(f"README.md has no section headed {title!r}")


def _cli_commands() -> dict[str, Any]:
    """Name -> click command of every ``selaras`` subcommand (typer may vendor its own click, so no isinstance)."""
    return dict(typer.main.get_command(cli_app).commands)  # type: ignore[attr-defined]


def _long_options(command: Any) -> list[str]:
    return [opt for param in command.params if param.param_type_name == "option"
            for opt in param.opts if opt.startswith("--") and opt != "--help"]


def _routes() -> list[tuple[str, str]]:
    """(method, path) of every route in the OpenAPI schema (what /docs shows)."""
    paths = create_app().openapi()["paths"]
    routes = [(method.upper(), path) for path, operations in paths.items() for method in operations]
    assert routes, "the application has no routes"
    return sorted(routes)


def _normal_path(path: str) -> str:
    """``/api/v1/provisions/{provision_id:path}`` and ``/api/v1/provisions/{id}`` compare equal."""
    return _PARAM_RE.sub("{}", path)


# --- the opening -----------------------------------------------------------------------------


def test_readme_opens_with_serve_and_test() -> None:
    text = readme_text()
    sections = [h for h in _HEADING_RE.finditer(_without_code(text)) if len(h["level"]) > 1]
    opening = text[: sections[0].start()] if sections else text  # the title and what follows it
    for script in ("scripts/serve", "scripts/test"):
        assert script in opening, f"README.md must name {script} before its first section"


@pytest.mark.parametrize("script", sorted(set(re.findall(r"\bscripts/[\w.-]+", README.read_text(encoding="utf-8")))))
def test_scripts_named_in_readme_exist(script: str) -> None:
    path = CHECKOUT / script
    assert path.is_file(), f"README.md names {script}, which does not exist"
    assert os.access(path, os.X_OK), f"{script} is not executable"


# --- the command line ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(_cli_commands()))
def test_cli_command_documented(name: str) -> None:
    assert f"selaras {name}" in section(f"selaras {name}"), f"README.md does not document `selaras {name}`"


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, option) for name, command in sorted(_cli_commands().items()) for option in _long_options(command)],
)
def test_cli_option_documented(name: str, option: str) -> None:
    assert option in section(f"selaras {name}"), f"README.md does not document `selaras {name} {option}`"


@pytest.mark.parametrize("option", _long_options(typer.main.get_command(cli_app)))
def test_cli_global_option_documented(option: str) -> None:
    assert option in section("The command line"), f"README.md does not document `selaras {option}`"


# --- settings --------------------------------------------------------------------------------


def test_settings_read_from_selaras_prefix() -> None:
    assert Settings.model_config.get("env_prefix") == "SELARAS_"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_setting_documented(field: str) -> None:
    variable = f"SELARAS_{field.upper()}"
    assert f"`{variable}`" in section("Settings"), f"README.md does not document the setting {variable}"


# --- the REST API ----------------------------------------------------------------------------


@pytest.mark.parametrize(("method", "path"), _routes())
def test_api_route_documented(method: str, path: str) -> None:
    documented = {_normal_path(p) for p in re.findall(rf"\b{method} (/[^\s`|]*)", section("The REST API"))}
    assert _normal_path(path) in documented, f"README.md does not document `{method} {path}`"


# --- the parse schema ------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(Document().to_dict()))
def test_parse_schema_top_level_key_documented(key: str) -> None:
    assert f"| `{key}` |" in section("Top-level keys"), f"README.md does not document the top-level key {key!r}"


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(Metadata)])
def test_metadata_field_documented(name: str) -> None:
    assert f"`{name}`" in section("Metadata"), f"README.md does not document the metadata field {name!r}"


@pytest.mark.parametrize("name", [*Node(kind="pasal").to_dict(), "explains", "change"])
def test_node_field_documented(name: str) -> None:
    assert f"| `{name}` |" in section("Nodes"), f"README.md does not document the node field {name!r}"


@pytest.mark.parametrize("kind", KINDS)
def test_kind_documented(kind: str) -> None:
    assert f"| `{kind}` |" in section("Kinds"), f"README.md does not document the node kind {kind!r}"
