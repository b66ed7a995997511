"""What a wheel holds: every package under bot/, the bundled FAQ as package data, the licence."""

import tomllib
from pathlib import Path

from bot.faq import load as faq_load

ROOT = Path(__file__).resolve().parent.parent


def setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_under_bot_is_in_the_wheel():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "bot").rglob("__init__.py")}
    listed = set(setuptools_config()["packages"])
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(found - listed)}"
    assert listed - found == {"bot.bundled_faq"}


def test_the_bundled_faq_ships_as_package_data():
    config = setuptools_config()
    assert config["package-dir"]["bot.bundled_faq"] == "faq"
    assert "*.yaml" in config["package-data"]["bot.bundled_faq"]
    assert faq_load.faq_files(ROOT / "faq")


def test_an_installed_copy_finds_the_faq_in_its_package_data(tmp_path, monkeypatch):
    site = tmp_path / "site-packages" / "bot" / "faq"
    site.mkdir(parents=True)
    monkeypatch.setattr(faq_load, "__file__", str(site / "load.py"))  # as in site-packages: no checkout above

    class Spec:
        submodule_search_locations = [str(tmp_path / "site-packages" / "bot" / "bundled_faq")]

    monkeypatch.setattr("importlib.util.find_spec", lambda name: Spec() if name == "bot.bundled_faq" else None)
    assert faq_load.bundled_faq_dir() == tmp_path / "site-packages" / "bot" / "bundled_faq"


def test_the_licence_pyproject_names_is_there():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
