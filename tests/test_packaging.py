"""What a wheel holds: every package under bot/, the bundled FAQ and the word lists as package data, the
licence."""

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
    assert listed - found == {"bot.bundled_faq", "bot.bundled_docs"}


def test_the_bundled_faq_ships_as_package_data():
    config = setuptools_config()
    assert config["package-dir"]["bot.bundled_faq"] == "faq"
    assert "*.yaml" in config["package-data"]["bot.bundled_faq"]
    assert faq_load.faq_files(ROOT / "faq")


def test_the_word_lists_ship_as_package_data():
    patterns = setuptools_config()["package-data"]["bot"]
    files = sorted((ROOT / "bot" / "data").glob("*"))
    assert files, "bot/data/ holds the word lists bot.names reads"
    for path in files:
        relative = path.relative_to(ROOT / "bot")
        assert any(relative.match(pattern) for pattern in patterns), (
            f"add bot/{relative} to pyproject.toml [tool.setuptools.package-data] \"bot\""
        )
        lines = path.read_text(encoding="utf-8").splitlines()
        header = "\n".join(lines[: next(i for i, line in enumerate(lines) if not line.startswith("#"))])
        assert "Source:" in header and "licence" in header, f"bot/{relative}'s header names its source and licence"


def test_every_shipped_model_file_is_package_data():
    """The models the bot reads at start-up (matcher, classifier, examples, urgency, grouping) are in
    the wheel: a non-editable install without one stops with DamagedInstall."""
    data = setuptools_config()["package-data"]
    for package, folder in (("bot", ROOT / "bot"), ("bot.digest", ROOT / "bot" / "digest")):
        for path in sorted(p for ext in ("json", "npy", "npz") for p in folder.glob(f"*.{ext}")):
            assert path.name in data.get(package, []), f"add {path.name} to [tool.setuptools.package-data] \"{package}\""


def test_the_word_lists_are_read_from_the_package():
    from bot.names.words import common_words, read_words

    assert "scheme" in common_words() and "okafor" not in common_words()
    assert "Alfie" in read_words("given_names_supplement.txt")
    # SCOWL's licence: its copyright notice appears in all copies
    assert "Copyright 2000-2011 by Kevin Atkinson" in (ROOT / "bot" / "data" / "common_words.txt").read_text(encoding="utf-8")


def test_an_installed_copy_finds_the_faq_in_its_package_data(tmp_path, monkeypatch):
    site = tmp_path / "site-packages" / "bot" / "faq"
    site.mkdir(parents=True)
    monkeypatch.setattr("bot.bundled.CHECKOUT", tmp_path / "site-packages")  # as in site-packages: no checkout

    class Spec:
        submodule_search_locations = [str(tmp_path / "site-packages" / "bot" / "bundled_faq")]

    monkeypatch.setattr("bot.bundled.find_spec", lambda name: Spec() if name == "bot.bundled_faq" else None)
    assert faq_load.bundled_faq_dir() == tmp_path / "site-packages" / "bot" / "bundled_faq"


def test_the_licence_pyproject_names_is_there():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_an_install_with_target_writes_drafts_to_the_working_directory_not_into_the_package(tmp_path):
    """`pip install --target DIR` (containers, function hosts) names no site-packages: drafts must still
    stay out of the installed package, which a reinstall deletes (house review s9 #6)."""
    import shutil
    import subprocess
    import sys

    target = tmp_path / "target"
    shutil.copytree(ROOT / "bot", target / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "faq", target / "bot" / "bundled_faq", ignore=shutil.ignore_patterns("drafts"))
    work = tmp_path / "work"
    work.mkdir()
    code = ("from bot.bundled import bundled_faq_dir, is_checkout, is_installed_faq; "
            "from bot.drafts import default_drafts_dir; "
            "print(is_checkout(), is_installed_faq(bundled_faq_dir()), default_drafts_dir(bundled_faq_dir()))")
    ran = subprocess.run([sys.executable, "-c", code], cwd=work, env={"PYTHONPATH": str(target)},
                         capture_output=True, text=True, timeout=120)
    assert ran.stdout.split() == ["False", "True", "faq-drafts"], ran.stderr


def test_a_checkouts_faq_keeps_its_drafts_beside_it(tmp_path):
    from bot.bundled import bundled_faq_dir, is_checkout, is_installed_faq
    from bot.drafts import default_drafts_dir

    assert is_checkout() and not is_installed_faq(bundled_faq_dir())
    assert default_drafts_dir(bundled_faq_dir()) == ROOT / "faq" / "drafts"
    assert default_drafts_dir(tmp_path) == tmp_path / "drafts"  # a FAQ folder of the user's own
