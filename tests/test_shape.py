"""The registry's shape is declared once, in eerstelijn.shape; every part of the tool agrees."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import get_args

from typer.testing import CliRunner

from eerstelijn import shape
from eerstelijn.cli import app
from eerstelijn.cli.common import PROBLEM_CHOICES
from eerstelijn.editing import yaml_layout
from eerstelijn.models import FILE_MODELS, ITEM_MODELS, Actie, Mijlpaal, Registry
from eerstelijn.registry import validate
from eerstelijn.registry.load import RegistryFiles
from eerstelijn.registry.schema import schema_files
from tests.conftest import CLI_ENV, REGISTRY


def test_the_loader_reads_the_declared_files_in_order_then_the_regional_ones() -> None:
    files = RegistryFiles.find(REGISTRY).files
    declared = [REGISTRY / f.name for f in shape.FILES]
    assert list(files[: len(declared)]) == declared
    assert all(p.parent == REGISTRY / shape.REGIONAL_DIR for p in files[len(declared) :])


def test_each_file_model_holds_one_list_of_its_declared_items() -> None:
    assert list(FILE_MODELS) == [f.key for f in shape.FILES]
    for data_file in shape.FILES:
        model = FILE_MODELS[data_file.key]
        assert model.__name__ == data_file.model
        assert list(model.model_fields) == [data_file.key]
        annotation = model.model_fields[data_file.key].annotation
        assert get_args(annotation) == (ITEM_MODELS[data_file.key],)
        assert ITEM_MODELS[data_file.key].__name__ == data_file.item


def test_the_registry_has_a_list_per_declared_file_and_nothing_else() -> None:
    assert list(Registry.model_fields) == [f.key for f in shape.FILES]
    for data_file in shape.FILES:
        annotation = Registry.model_fields[data_file.key].annotation
        assert get_args(annotation) == (ITEM_MODELS[data_file.key],)


def test_the_validator_picks_each_files_model_by_name(tmp_path: Path) -> None:
    for data_file in shape.FILES:
        assert (
            validate.model_for(tmp_path / data_file.name, tmp_path) is (FILE_MODELS[data_file.key])
        )
    regional = tmp_path / shape.REGIONAL_DIR / "oost.yaml"
    assert validate.model_for(regional, tmp_path) is FILE_MODELS[shape.REGIONAL_DIR]


def test_the_editor_orders_keys_by_the_declared_item_models() -> None:
    assert yaml_layout._ITEMS == ITEM_MODELS


def test_the_schema_writer_writes_one_schema_per_declared_file() -> None:
    files = schema_files()
    assert sorted(files) == sorted(f"{f.key}.schema.json" for f in shape.FILES)
    for data_file in shape.FILES:
        schema = json.loads(files[f"{data_file.key}.schema.json"])
        assert schema["required"] == [data_file.key]


def test_statuses_and_chapters_are_the_models_literals() -> None:
    assert get_args(Mijlpaal.model_fields["status"].annotation) == shape.STATUSES
    assert get_args(Actie.model_fields["status"].annotation) == shape.STATUSES
    assert get_args(get_args(Actie.model_fields["hoofdstuk"].annotation)[0]) == (shape.HOOFDSTUKKEN)
    assert set(shape.STATUSES) >= shape.DONE


def test_the_command_line_offers_the_declared_statuses_and_chapters() -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["acties", "--help"], env={**CLI_ENV, "COLUMNS": "200"}).output
    for status in shape.STATUSES:
        assert status in shown
    assert f"({shape.HOOFDSTUKKEN[0]}-{shape.HOOFDSTUKKEN[-1]})" in shown
    wrong = runner.invoke(app, ["acties", "--data", str(REGISTRY), "--status", "klaar"])
    assert wrong.exit_code == 2
    assert ", ".join(shape.STATUSES) in wrong.output


def test_format_choices_are_the_renderers_and_auto_picks_by_environment(tmp_path: Path) -> None:
    from eerstelijn.render import LISTING_FORMATS, PROBLEM_FORMATS

    runner = CliRunner()
    wrong = runner.invoke(app, ["overdue", "--format", "xml"], env=CLI_ENV)
    assert wrong.exit_code == 2
    for name in LISTING_FORMATS:
        assert repr(name) in wrong.output
    data = tmp_path / "data"
    shutil.copytree(REGISTRY, data)
    (data / "acties.yaml").write_text(
        (data / "acties.yaml")
        .read_text(encoding="utf-8")
        .replace("trekker: [", "trekker: [XX, ", 1),
        encoding="utf-8",
    )
    args = ["check", "--data", str(data), "--as-of", "2026-01-15"]
    under_actions = runner.invoke(app, args, env={**CLI_ENV, "GITHUB_ACTIONS": "true"})
    elsewhere = runner.invoke(app, args, env=CLI_ENV)
    assert under_actions.exit_code == elsewhere.exit_code == 2
    assert under_actions.stdout.startswith("::error file=")
    assert "error[unknown-partij]" in elsewhere.stdout
    assert "::error" not in elsewhere.stdout
    assert set(PROBLEM_FORMATS) < set(PROBLEM_CHOICES)
