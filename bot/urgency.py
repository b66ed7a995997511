"""Spot questions that signal an immediate risk of serious harm.

Such a question gets, before anything else, the reminder that data protection law never stops
sharing to prevent serious harm, and is flagged urgent for advisors. A false alarm costs one extra
sentence; a missed one can cost a life, so the patterns lean towards catching.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(?:at|in) (?:immediate |serious |real )?(?:risk|danger) (?:tonight|today|right now|now)\b",
    r"\b(?:immediate|imminent) (?:risk|danger|threat|harm)\b",
    r"\b(?:in|at) immediate (?:risk|danger)\b",
    r"\brisk to (?:life|her life|his life|their life)\b",
    r"\bthreat(?:en|ened|ening|s)? to (?:kill|stab|hurt|harm|attack)\b",
    r"\b(?:going|gonna|plans?|planning|wants?) to "
    r"(?:kill|end it|end (?:his|her|their|my) life|take (?:his|her|their|my) own life)\b",
    r"\bend it (?:all|tonight)\b",
    r"\bsuicid(?:e|al)\b",
    r"\bkill (?:himself|herself|themselves|themself|myself)\b",
    r"\boverdos(?:e|ed|ing)\b",
    r"\b(?:has|with|carrying|holding) (?:a )?(?:knife|gun|weapon|firearm)\b",
    r"\b(?:missing|abducted|kidnapped)\b.*\b(?:tonight|now|today)\b",
    r"\bnot safe (?:to go home|tonight|at home tonight)\b",
]
_URGENT = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def signals_immediate_risk(text: str) -> bool:
    return bool(_URGENT.search(text[:5000]))
