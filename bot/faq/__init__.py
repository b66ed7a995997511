"""The curated FAQ (``faq/*.yaml``): loaded and validated into immutable entries.

Every problem is reported with the file, the entry id and the field, so a reviewer can fix a
pull request in one pass. ``load_faq`` raises ``FaqError`` carrying all problems; ``lint`` returns
them. ``ReloadingFaq`` picks up edits while the bot runs, loading them in the background, and keeps
serving the last good FAQ when an edit is broken. ``model`` holds the entries, ``sources`` which
sources may back an answer, ``load`` the reading and the checks, ``reloading`` the reloads.
"""

from bot.faq.load import BUNDLED_FAQ_DIR, errors, faq_files, lint, load_faq
from bot.faq.model import NATION_NAMES, NATIONS, Faq, FaqEntry, FaqError, Problem, Source, Watch, due_watches
from bot.faq.reloading import ReloadingFaq
from bot.faq.sources import AUTHORITATIVE_DOMAINS, is_authoritative_host, is_placeholder, source_url_problem

__all__ = [
    "AUTHORITATIVE_DOMAINS", "BUNDLED_FAQ_DIR", "NATIONS", "NATION_NAMES", "Faq", "FaqEntry", "FaqError", "Problem",
    "ReloadingFaq", "Source", "Watch", "due_watches", "errors", "faq_files", "is_authoritative_host", "is_placeholder",
    "lint", "load_faq", "source_url_problem",
]
