"""How much a reader must get through in an FAQ answer, by where they work.

Run from the repository root:

    python benchmarks/answer_length.py

For each reader (no nation chosen, England, Wales, Scotland, Northern Ireland), over every entry of the FAQ in
``faq/``, the median and the largest number of characters:

- of the answer's ``text`` (what a screen reader reads, and a phone notification starts with);
- read before the answer's heading (the nation lines that must come first);
- read before the buttons (the plain text of every block above them).

The README's "What it does" section quotes these figures.
"""

from __future__ import annotations

import statistics

from bot.faq import load_faq
from bot.slack.blocks.faq_answer import entry_blocks, entry_text
from bot.slack.blocks.plain import blocks_text

READERS = {"no nation": None, "England": "england", "Wales": "wales", "Scotland": "scotland",
           "Northern Ireland": "northern-ireland"}


def before(blocks: list[dict], kind: str) -> int:
    """Characters of plain text in the blocks above the first block of ``kind``."""
    first = next(n for n, block in enumerate(blocks) if block["type"] == kind)
    return len(blocks_text(blocks[:first]))


def figures(values: list[int]) -> str:
    return f"{statistics.median(values):>7,.0f} / {max(values):>6,}"


def main() -> None:
    faq = load_faq()
    print(f"{len(faq.entries)} entries; median / max characters")
    print(f"{'reader':<18}{'text':>16}{'before heading':>18}{'before buttons':>18}")
    for name, nation in READERS.items():
        texts, headings, buttons = [], [], []
        for entry in faq.entries:
            blocks = entry_blocks(entry, 7, nation)
            texts.append(len(entry_text(entry, nation)))
            headings.append(before(blocks, "header"))
            buttons.append(before(blocks, "actions"))
        print(f"{name:<18}{figures(texts):>16}{figures(headings):>18}{figures(buttons):>18}")


if __name__ == "__main__":
    main()
