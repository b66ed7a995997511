"""Files that ship with canishare: at the top of a checkout (faq/, docs/), where their reviewers
expect them, and inside the package (bot.bundled_faq, bot.bundled_docs) when it is installed from a
wheel (see pyproject.toml's package-dir). The one place that answers "is this a source checkout?"
and "is this FAQ the copy installed with canishare?"."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def is_checkout() -> bool:
    """Whether canishare runs from a source checkout (its pyproject.toml, faq/ and benchmarks/ beside
    the package), not from an installed copy (site-packages, ``pip install --target``, a zip)."""
    return all((CHECKOUT / name).exists() for name in ("pyproject.toml", "faq/README.md", "benchmarks"))


def bundled_dir(folder: str, package: str, marker: str) -> Path:
    """The checkout's ``folder`` when it holds ``marker``; else the installed ``package``'s folder
    (a namespace package of data files); else the checkout path, for the caller to report missing."""
    checkout = CHECKOUT / folder
    if (checkout / marker).is_file():
        return checkout
    spec = find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return checkout


def bundled_faq_dir() -> Path:
    """The FAQ that ships with canishare: ``faq/`` of a checkout, or the installed package data."""
    return bundled_dir("faq", "bot.bundled_faq", "README.md")


def is_installed_faq(directory: str | Path) -> bool:
    """Whether ``directory`` is the FAQ installed with canishare: files a reinstall replaces, so
    nothing of the user's belongs in or under it."""
    return not is_checkout() and Path(directory).resolve() == bundled_faq_dir().resolve()


def privacy_notice() -> str:
    """The bundled plain-English privacy notice (docs/privacy-notice.md)."""
    path = bundled_dir("docs", "bot.bundled_docs", "privacy-notice.md") / "privacy-notice.md"
    return path.read_text(encoding="utf-8")
