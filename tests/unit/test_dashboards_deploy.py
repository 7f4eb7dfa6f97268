"""The shared dashboards service's folder: the notebooks named in the settings, or none."""

from __future__ import annotations

import pytest

from praxishub import workspace
from praxishub.errors import PraxisError
from praxishub.layout import Layout
from praxishub.settings import parse_settings
from praxishub.workspace import ensure_dashboards

SETTINGS = """\
programme: {name: P, demo: true}
dashboards: {notebooks: [overview]}
people: []
"""


@pytest.fixture(autouse=True)
def no_unix_users(monkeypatch):
    """The service's Unix user is the integration tests' business (they run as root)."""
    monkeypatch.setattr(workspace, "is_root", lambda: False)


def settings(tmp_path):
    return parse_settings(SETTINGS, tmp_path / "praxishub.yaml")


def test_named_notebooks_are_copied_readable_and_stale_ones_removed(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "overview.ipynb").write_text("{}", "utf-8")
    (source / "other.ipynb").write_text("{}", "utf-8")
    loaded = settings(tmp_path)
    target = Layout(loaded.data_dir).shared_dashboards
    target.mkdir(parents=True)
    (target / "stale.ipynb").write_text("{}", "utf-8")
    assert ensure_dashboards(loaded, source) == ["overview"]
    assert sorted(p.name for p in target.glob("*.ipynb")) == ["overview.ipynb"]
    assert (target / "overview.ipynb").stat().st_mode & 0o777 == 0o644


def test_a_missing_notebook_names_the_setting_and_no_folder_serves_none(tmp_path):
    loaded = settings(tmp_path)
    with pytest.raises(PraxisError) as err:
        ensure_dashboards(loaded, tmp_path / "nowhere")
    assert "dashboards.notebooks" in err.value.problems[0].where
    assert ensure_dashboards(loaded, None) == []
    assert Layout(loaded.data_dir).shared_dashboards.is_dir()
