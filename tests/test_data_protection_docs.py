"""The data protection paperwork must not drift from the code.

docs/data-protection.md holds the data inventory a public body's information governance team signs
off. These tests build a fresh store and compare its schema with the inventory, both ways, so that
a migration that adds (or drops) a table or a column fails here until the inventory says what the
new data is, whether it can identify a person, why it is kept and for how long. They also check
that the Slack scopes, the Web API methods and the default retention period the documents state
are the ones the code uses.

Inventory format (see "How the inventory is written" in docs/data-protection.md): one heading
``### Table `name` `` per table, followed by a Markdown table whose rows each begin with a column
name in backticks, in five cells::

    | `asker` | what it is | Yes / No / Indirectly ... | why kept | how long |
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.config import Settings
from bot.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parent.parent
DATA_PROTECTION = ROOT / "docs" / "data-protection.md"
PRIVACY_NOTICE = ROOT / "docs" / "privacy-notice.md"
MANIFEST = ROOT / "manifest.yml"

TABLE_HEADING = re.compile(r"^###\s+Table\s+`([A-Za-z_][A-Za-z0-9_]*)`\s*$")
COLUMN_ROW = re.compile(r"^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|")
CELL_SPLIT = re.compile(r"(?<!\\)\|")
ROW_CELLS = 5  # column | what it is | can it identify a person | why it is kept | how long
IDENTIFIES = ("Yes", "No", "Indirectly")
HOW_TO_FIX = (
    "Add it to the data inventory in docs/data-protection.md: a `### Table `name`` heading and a row "
    "`| `column` | what it is | Yes/No/Indirectly: why | why kept | how long |` per column "
    "(see 'How the inventory is written' there)."
)


# reading the inventory -----------------------------------------------------------------------------


def inventory_rows(text: str) -> list[tuple[str, str, list[str], int]]:
    """(table, column, cells, line number) for every column row under a ``### Table `name` `` heading.
    A table's rows end at the next heading of any level."""
    rows = []
    table = None
    for number, line in enumerate(text.splitlines(), start=1):
        heading = TABLE_HEADING.match(line)
        if heading:
            table = heading.group(1)
            rows.append((table, "", [], number))  # the table itself, even before any row
            continue
        if line.startswith("#"):
            table = None
            continue
        row = COLUMN_ROW.match(line)
        if table and row:
            cells = [c.strip() for c in CELL_SPLIT.split(line.strip().strip("|"))]
            rows.append((table, row.group(1), cells, number))
    return rows


def documented_schema(text: str) -> dict[str, set[str]]:
    schema: dict[str, set[str]] = {}
    for table, column, _, _ in inventory_rows(text):
        schema.setdefault(table, set())
        if column:
            schema[table].add(column)
    return schema


def store_schema(path: Path) -> dict[str, list[str]]:
    """Every table and column of a freshly migrated store, as SQLite reports them (sqlite_* excluded)."""
    store = Store(path)
    try:
        tables = [row[0] for row in store.db.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'"
            " order by name"
        ).fetchall()]
        return {
            table: [row[1] for row in store.db.execute(f"PRAGMA table_info('{table}')").fetchall()]
            for table in tables
        }
    finally:
        store.close()


def section(text: str, title_word: str) -> str:
    """The level-2 section whose heading contains ``title_word`` (case-insensitive)."""
    found = re.search(rf"^## [^\n]*{re.escape(title_word)}[^\n]*\n(.*?)(?=^## |\Z)", text,
                      re.IGNORECASE | re.MULTILINE | re.DOTALL)
    assert found, f"docs/data-protection.md has no '## ... {title_word} ...' section"
    return found.group(1)


def read(path: Path) -> str:
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    return path.read_text(encoding="utf-8")


# the tests ------------------------------------------------------------------------------------------


def test_every_table_and_column_of_a_fresh_store_is_in_the_inventory(tmp_path):
    actual = store_schema(tmp_path / "x.db")
    documented = documented_schema(read(DATA_PROTECTION))
    assert actual, "the fresh store has no tables: did Store stop migrating?"
    problems = []
    for table, columns in actual.items():
        if table not in documented:
            problems.append(f"table `{table}` (columns {', '.join(columns)}) is not in the inventory")
            continue
        problems += [f"column `{table}.{c}` is not in the inventory" for c in columns if c not in documented[table]]
    assert not problems, "\n".join(problems + [HOW_TO_FIX])


def test_the_inventory_lists_nothing_the_store_no_longer_holds(tmp_path):
    actual = store_schema(tmp_path / "x.db")
    documented = documented_schema(read(DATA_PROTECTION))
    problems = []
    for table, columns in documented.items():
        if table not in actual:
            problems.append(f"the inventory lists table `{table}`, which a fresh store does not have")
            continue
        problems += [f"the inventory lists column `{table}.{c}`, which a fresh store does not have"
                     for c in sorted(columns) if c not in actual[table]]
    assert not problems, "\n".join(problems + ["Remove or correct these rows in docs/data-protection.md."])


def test_every_inventory_row_says_what_it_is_whether_it_identifies_why_and_how_long():
    problems = []
    seen: set[tuple[str, str]] = set()
    for table, column, cells, line in inventory_rows(read(DATA_PROTECTION)):
        where = f"docs/data-protection.md line {line}"
        if (table, column) in seen:
            problems.append(f"{where}: `{table}{'.' + column if column else ''}` is listed twice")
        seen.add((table, column))
        if not column:
            continue
        if len(cells) != ROW_CELLS:
            problems.append(f"{where}: `{table}.{column}` has {len(cells)} cells, not {ROW_CELLS}")
            continue
        if any(not cell for cell in cells):
            problems.append(f"{where}: `{table}.{column}` has an empty cell")
        identifies = cells[2].lstrip("*_ ")
        if not identifies.startswith(IDENTIFIES):
            problems.append(f"{where}: `{table}.{column}`: 'can it identify a person' must start with "
                            f"{', '.join(IDENTIFIES)}, not {cells[2][:30]!r}")
    assert not problems, "\n".join(problems)


def test_the_inventory_states_the_schema_version_it_describes():
    text = read(DATA_PROTECTION)
    assert f"schema version {SCHEMA_VERSION}" in text, (
        f"docs/data-protection.md should say it describes 'schema version {SCHEMA_VERSION}' "
        "(bot/store.py SCHEMA_VERSION): review the inventory and the retention rules, then update it"
    )


def test_the_scopes_documented_are_exactly_the_manifests():
    manifest = yaml.safe_load(read(MANIFEST))
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    documented = set(re.findall(r"^\|\s*`([a-z_]+:[a-z_]+|commands)`\s*\|", section(read(DATA_PROTECTION), "scopes"),
                                re.MULTILINE))
    assert documented == scopes, (
        f"the scopes section of docs/data-protection.md lists {sorted(documented)}, "
        f"manifest.yml asks for {sorted(scopes)}"
    )


def web_api_methods_called() -> set[str]:
    """Slack Web API methods the bot calls through a WebClient (``client.chat_postMessage(`` ->
    ``chat.postMessage``)."""
    methods = set()
    for path in (ROOT / "bot").rglob("*.py"):
        for name in re.findall(r"\bclient\.([a-z]+_[A-Za-z0-9_]+)\(", path.read_text(encoding="utf-8")):
            methods.add(name.replace("_", ".", 1))
    return methods


def test_every_web_api_method_the_bot_calls_is_documented():
    methods = web_api_methods_called()
    assert "chat.postMessage" in methods, "the scan of bot/ for client.<method>( calls found nothing"
    text = read(DATA_PROTECTION)
    missing = sorted(m for m in methods if f"`{m}`" not in text)
    assert not missing, (
        f"bot/ calls Slack Web API methods that docs/data-protection.md does not document: {missing}. "
        "Say in 'What goes to Slack' what each sends and which scope it needs."
    )


def test_the_default_retention_period_is_the_codes():
    days = Settings().retention_days
    for path in (DATA_PROTECTION, PRIVACY_NOTICE):
        assert f"{days} days" in read(path), f"{path.name} should state the default retention of {days} days"


def test_the_privacy_notice_names_the_controller_placeholder_and_how_to_complain():
    notice = read(PRIVACY_NOTICE)
    assert "[FILL IN" in notice, "the privacy notice must mark what the deploying organisation fills in"
    for needed in ("ico.org.uk/make-a-complaint", "0303 123 1113", "public task"):
        assert needed in notice, f"the privacy notice should mention {needed!r}"
