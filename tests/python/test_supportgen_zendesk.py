"""supportgen.shapes.zendesk writes a generated operation as Fivetran's Zendesk tables: complete,
deterministic, joinable, and expressing the operation's handoffs, acknowledgements, escalations
and surveys by the conventions `zendesk_vars()` tells the adapter (the dbt build of both shapes
is compared in test_source_zendesk.py)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from dbt_project_runner import PROJECT_DIR
from supportgen import GeneratorConfig, generate
from supportgen.shapes.zendesk import (
    ACKNOWLEDGEMENT_TEXT,
    AI_USER_TAG,
    HANDOFF_TEXT,
    TIER_GROUPS,
    ZENDESK_TABLES,
    ShapeError,
    write_zendesk_tables,
    zendesk_vars,
)


def _read(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, int]]:
    workdir = tmp_path_factory.mktemp("zendesk_shape")
    generate(
        GeneratorConfig(tickets=250, seed=12, days=21, messy_rate=0.0), workdir / "contract", "csv", progress=False
    )
    counts = write_zendesk_tables(workdir / "contract", workdir / "zendesk")
    return workdir / "contract", workdir / "zendesk", counts


def test_every_table_is_written_with_its_columns_and_counted(shapes: tuple[Path, Path, dict[str, int]]) -> None:
    _, zendesk, counts = shapes
    assert set(counts) == set(ZENDESK_TABLES)
    for table, columns in ZENDESK_TABLES.items():
        with (zendesk / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        assert tuple(header) == columns, table
        assert len(rows) == counts[table], table


def test_the_same_operation_gives_the_same_files(shapes: tuple[Path, Path, dict[str, int]], tmp_path: Path) -> None:
    contract, zendesk, _ = shapes
    write_zendesk_tables(contract, tmp_path)
    for table in ZENDESK_TABLES:
        assert (tmp_path / f"{table}.csv").read_bytes() == (zendesk / f"{table}.csv").read_bytes(), table


def test_ids_join_and_map_back(shapes: tuple[Path, Path, dict[str, int]]) -> None:
    contract, zendesk, _ = shapes
    tickets = _read(zendesk, "ticket")
    assert [row["external_id"] for row in tickets] == [row["ticket_id"] for row in _read(contract, "tickets")]
    users = {row["id"]: row for row in _read(zendesk, "user")}
    ticket_ids = {row["id"] for row in tickets}
    groups = {row["id"] for row in _read(zendesk, "group")}
    comments = _read(zendesk, "ticket_comment")
    assert all(row["user_id"] in users and row["ticket_id"] in ticket_ids for row in comments)
    for row in _read(zendesk, "ticket_field_history"):
        assert row["ticket_id"] in ticket_ids
        if row["field_name"] == "assignee_id":
            assert users[row["value"]]["role"] == "agent"
        elif row["field_name"] == "group_id":
            assert row["value"] in groups
    assert all(users[row["requester_id"]]["role"] == "end-user" for row in tickets)
    tags = _read(zendesk, "user_tag")
    [bot] = [row["user_id"] for row in tags if row["tag"] == AI_USER_TAG]
    assert users[bot]["role"] == "agent", "the AI is a bot user with the agent role"


def test_the_operation_is_expressed(shapes: tuple[Path, Path, dict[str, int]]) -> None:
    contract, zendesk, _ = shapes
    events = _read(contract, "ticket_events")
    kinds = Counter(row["event_type"] for row in events)
    comments = _read(zendesk, "ticket_comment")
    messages = [row for row in events if row["event_type"] == "message"]
    bodies = Counter(row["body"] for row in comments)
    assert bodies[HANDOFF_TEXT] == kinds["handoff"] > 0
    assert bodies[ACKNOWLEDGEMENT_TEXT] == sum(row["message_kind"] == "acknowledgement" for row in messages) > 0
    # Each message is a comment; packets add internal notes.
    assert sum(row["public"] == "true" for row in comments) == len(messages) + kinds["handoff"]
    groups = {row["id"]: row["name"] for row in _read(zendesk, "group")}
    history = _read(zendesk, "ticket_field_history")
    moves = Counter(groups[row["value"]] for row in history if row["field_name"] == "group_id")
    escalations = Counter(row["to_tier"] for row in events if row["event_type"] == "escalation")
    assert moves[TIER_GROUPS["engineering"]] == escalations["engineering"] > 0
    assert moves[TIER_GROUPS["l2"]] == escalations["l2"] > 0
    ratings = [row["value"] for row in history if row["field_name"] == "satisfaction_score"]
    surveys = _read(contract, "survey_responses")
    assert ratings.count("offered") == len(surveys) > 0
    assert ratings.count("good") == sum(int(row["csat_score"]) >= 4 for row in surveys)
    assert ratings.count("bad") == sum(int(row["csat_score"]) < 4 for row in surveys)


def test_a_missing_contract_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ShapeError, match=re.escape("tickets.csv is missing")):
        write_zendesk_tables(tmp_path, tmp_path / "out")


def test_the_vars_use_only_keys_the_adapter_knows() -> None:
    macros = (PROJECT_DIR / "macros" / "adapters" / "zendesk.sql").read_text(encoding="utf-8")
    defaults = macros.split("macro zendesk_setting_defaults", 1)[1].split("endmacro", 1)[0]
    known = set(re.findall(r"'([a-z0-9_]+)':", defaults))
    assert set(zendesk_vars()) <= known
