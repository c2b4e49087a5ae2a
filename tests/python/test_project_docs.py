"""Every model, seed and column is documented, and every model has a key test.

Reads the manifest and catalog that `make test` writes before pytest runs (dbt build, then
dbt docs generate on the demo data).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dbt_project_runner import PROJECT_DIR

TARGET = PROJECT_DIR / "target"


def _artifact(name: str) -> dict[str, Any]:
    path = TARGET / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make build docs` (make test does) before this test")
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


def _resources(kinds: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    return {uid: node for uid, node in _artifact("manifest.json")["nodes"].items() if node["resource_type"] in kinds}


def test_every_model_and_seed_has_a_description() -> None:
    undocumented = [uid for uid, node in _resources(("model", "seed")).items() if not node["description"].strip()]
    assert not undocumented, f"no description: {undocumented}"


def test_every_built_column_is_documented() -> None:
    catalog = _artifact("catalog.json")["nodes"]
    missing = []
    for uid, node in _resources(("model", "seed")).items():
        documented = {name.lower(): column for name, column in node["columns"].items()}
        for column in catalog.get(uid, {}).get("columns", {}):
            entry = documented.get(column.lower())
            if entry is None or not entry["description"].strip():
                missing.append(f"{uid}.{column}")
    assert not missing, f"{len(missing)} columns without a description: {missing[:20]}"


def _meta(node: dict[str, Any]) -> dict[str, str]:
    return {**node.get("meta", {}), **node.get("config", {}).get("meta", {})}


def test_every_model_has_a_key_test() -> None:
    nodes = _artifact("manifest.json")["nodes"]
    keyed = set()
    for node in nodes.values():
        if node["resource_type"] != "test":
            continue
        name = (node.get("test_metadata") or {}).get("name")
        if name in ("unique", "unique_combination_of_columns"):
            keyed.update(node["depends_on"]["nodes"])
    models = _resources(("model",))
    unkeyed = [uid for uid in models if uid not in keyed]
    # The quarantine models list rejected rows, duplicates included on purpose: no key there.
    unkeyed = [uid for uid in unkeyed if ".quarantine_" not in uid or uid.endswith("quarantine_row_counts")]
    # A model may say why it has no key (meta `keyless`), e.g. a view of every raw row.
    unkeyed = [uid for uid in unkeyed if not _meta(models[uid]).get("keyless", "").strip()]
    assert not unkeyed, f"models without a unique or unique_combination_of_columns test: {unkeyed}"


def test_marts_enforce_their_contracts() -> None:
    marts = [node for node in _resources(("model",)).values() if Path(node["original_file_path"]).parts[1] == "marts"]
    assert marts
    loose = [node["name"] for node in marts if not node["config"]["contract"]["enforced"]]
    assert not loose, f"marts without an enforced contract: {loose}"


def _exposure_models(name: str) -> set[str]:
    exposure = _artifact("manifest.json")["exposures"][f"exposure.support_metrics.{name}"]
    return {uid.rsplit(".", 1)[-1] for uid in exposure["depends_on"]["nodes"]}


def test_the_dashboard_exposure_lists_the_marts_the_dashboard_reads() -> None:
    from dashboard.data import REQUIRED_MARTS

    assert _exposure_models("support_dashboard") == set(REQUIRED_MARTS)


def test_the_semantic_layer_exposure_lists_the_models_of_the_semantic_models() -> None:
    semantic_models = _artifact("manifest.json")["semantic_models"].values()
    read = {uid.rsplit(".", 1)[-1] for model in semantic_models for uid in model["depends_on"]["nodes"]}
    assert _exposure_models("semantic_layer") == read
