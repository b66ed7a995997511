"""Settings from the environment (and a local ``.env`` file), all optional for offline use."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from bot.faq import BUNDLED_FAQ_DIR

README_SLACK_SECTION = "README.md, section 'Connect to Slack'"


def read_dotenv(path: str | Path = ".env") -> dict[str, str]:
    """KEY=VALUE lines of a .env file (quotes stripped, comments ignored); {} when there is none."""
    values: dict[str, str] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return values
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        values[key.strip()] = value.strip().strip("'\"")
    return values


class SettingsError(ValueError):
    pass


def hours(value: str | None, default: float) -> float:
    """'4h', '90m', '1.5' (hours) as a number of hours; ``default`` when unset."""
    if not value or not value.strip():
        return default
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(h|hours?|m|min|minutes?)?\s*", value, re.IGNORECASE)
    if not found:
        raise SettingsError(f"CANISHARE_REMIND_AFTER={value!r}: use hours or minutes such as 4h or 90m")
    number = float(found.group(1))
    return number / 60 if (found.group(2) or "h").lower().startswith("m") else number


def _whole_days(value: str | None, default: int) -> int:
    if not value or not value.strip():
        return default
    if not value.strip().isdigit() or int(value) < 1:
        raise SettingsError(f"CANISHARE_RETENTION_DAYS={value!r}: use a whole number of days such as 365")
    return int(value)


def _with_trailing_slash(url: str | None) -> str | None:
    """slack_sdk joins method names onto the base URL, which must end in '/'."""
    if not url:
        return None
    return url if url.endswith("/") else url + "/"


def _environment(environ: dict[str, str] | None, dotenv: str | Path) -> dict[str, str]:
    return {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}


def faq_dir_from_env(environ: dict[str, str] | None = None, dotenv: str | Path = ".env") -> str:
    """Only the FAQ directory: offline commands need nothing else, so nothing else can stop them."""
    return _environment(environ, dotenv).get("CANISHARE_FAQ_DIR") or str(BUNDLED_FAQ_DIR)


THRESHOLD_VARIABLES = {
    "CANISHARE_ANSWER_SCORE": "answer", "CANISHARE_SUGGEST_SCORE": "suggest", "CANISHARE_ANSWER_LEAD": "lead",
}


def thresholds_from_env(environ: dict[str, str] | None = None, dotenv: str | Path = ".env"):
    """The matcher's thresholds, with any set in the environment instead of the measured defaults."""
    from bot.matching import Thresholds

    env = _environment(environ, dotenv)
    overrides = {}
    for variable, field in THRESHOLD_VARIABLES.items():
        value = (env.get(variable) or "").strip()
        if not value:
            continue
        try:
            overrides[field] = float(value)
        except ValueError:
            raise SettingsError(f"{variable}={value!r}: use a number from 0 to 100") from None
        if not 0 <= overrides[field] <= 100:
            raise SettingsError(f"{variable}={value!r}: use a number from 0 to 100")
    thresholds = replace(Thresholds(), **overrides)
    if thresholds.suggest > thresholds.answer:
        raise SettingsError("CANISHARE_SUGGEST_SCORE must not be above CANISHARE_ANSWER_SCORE")
    return thresholds


@dataclass(frozen=True)
class Settings:
    db_path: str = "canishare.db"
    faq_dir: str = str(BUNDLED_FAQ_DIR)
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None
    advisor_channel: str | None = None
    digest_channel: str | None = None
    remind_after_hours: float = 4.0
    retention_days: int = 365

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, dotenv: str | Path = ".env") -> "Settings":
        env = _environment(environ, dotenv)
        return cls(
            db_path=env.get("CANISHARE_DB") or cls.db_path,
            faq_dir=env.get("CANISHARE_FAQ_DIR") or cls.faq_dir,
            bot_token=env.get("SLACK_BOT_TOKEN") or None,
            app_token=env.get("SLACK_APP_TOKEN") or None,
            signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
            api_url=_with_trailing_slash(env.get("SLACK_API_URL")),
            advisor_channel=env.get("CANISHARE_ADVISOR_CHANNEL") or None,
            digest_channel=env.get("CANISHARE_DIGEST_CHANNEL") or None,
            remind_after_hours=hours(env.get("CANISHARE_REMIND_AFTER"), cls.remind_after_hours),
            retention_days=_whole_days(env.get("CANISHARE_RETENTION_DAYS"), cls.retention_days),
        )

    def missing_for_serving(self, http: bool) -> list[str]:
        needed = {"SLACK_BOT_TOKEN": self.bot_token, "CANISHARE_ADVISOR_CHANNEL": self.advisor_channel}
        if http:
            needed["SLACK_SIGNING_SECRET"] = self.signing_secret
        else:
            needed["SLACK_APP_TOKEN"] = self.app_token
        return [name for name, value in needed.items() if not value]
