"""Build small FAQ directories for tests."""

from __future__ import annotations

from pathlib import Path

import yaml

# An answer of the documented length (faq/README.md: 60-170 words), so that a test entry is clean.
ANSWER = ("*No.* Consent is only one of the lawful bases for sharing. Where there is a risk of harm you may share "
          "without it, if sharing is necessary and proportionate, with the people who need to know. Tell the person "
          "unless that would increase the risk, and share only what is needed for the purpose. Record what you "
          "shared, with whom and why, and a decision not to share, with your reasons, so that it can be reviewed.")
SOURCE_URL = "https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/"


def entry(entry_id: str = "consent-always-required", **overrides) -> dict:
    base = {
        "id": entry_id,
        "question": f"Question about {entry_id.replace('-', ' ')}?",
        "variants": [f"{entry_id.replace('-', ' ')} phrasing number {n}" for n in range(1, 6)],
        "answer": ANSWER,
        "legal_basis": ["UK General Data Protection Regulation Article 6"],
        "sources": [{"title": "ICO data sharing code", "url": SOURCE_URL}],
        "tags": ["test"],
        "last_reviewed": "2026-01-15",
        "nations": ["england", "wales", "scotland", "northern-ireland"],
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def write_faq(directory: Path, files: dict[str, list[dict] | str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        text = content if isinstance(content, str) else yaml.safe_dump(content, sort_keys=False)
        (directory / name).write_text(text, encoding="utf-8")
    return directory
