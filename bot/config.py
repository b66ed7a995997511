"""Settings: the one place that reads the environment (and a local ``.env`` file), all optional for
offline use.

``Settings.from_env()`` is built once (by the command line) and passed to whatever needs it. It
never raises: a value it cannot read keeps its default and is recorded in ``problems``, and
``check`` raises ``SettingsError`` for the ones a command depends on, so that a bad Slack setting
cannot stop an offline command such as ``canishare ask``.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Collection
from urllib.parse import urlsplit

from bot.faq import BUNDLED_FAQ_DIR
from bot.nations import UnknownNation, parse_nation
from bot.times import DurationError, parse_duration
from bot.working_hours import HoursError, WorkingHours, closed_days

if TYPE_CHECKING:
    from bot.matching import Thresholds

README_SLACK_SECTION = "README.md, section 'Connect to Slack'"

# The matcher's thresholds (see ``bot.matching.Thresholds``), by variable and field.
THRESHOLD_VARIABLES = {
    "CANISHARE_ANSWER_SCORE": "answer", "CANISHARE_SUGGEST_SCORE": "suggest", "CANISHARE_ANSWER_LEAD": "lead",
}


def read_dotenv(path: str | Path = ".env") -> dict[str, str]:
    """The settings in a .env file, read by python-dotenv (inline comments, quotes, ``export``, a
    byte-order mark); {} when there is none. A file that is not UTF-8 is a SettingsError."""
    from dotenv import dotenv_values

    path = Path(path)
    if not path.is_file():
        return {}
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} cannot be read as UTF-8 text ({error}): save it as UTF-8") from None
    return {key: value for key, value in dotenv_values(stream=io.StringIO(raw)).items() if value is not None}


class SettingsError(ValueError):
    pass


# The shortest CANISHARE_REMIND_AFTER: an urgent escalation's own interval. Shorter ("0h", "1s") would
# remind every escalation, and every claim, at the queue keeper's next round.
MIN_REMIND_AFTER_MINUTES = 15


def hours(value: str | None, default: float) -> float:
    """A duration ('4h', '90min', see bot.times.parse_duration) as a number of hours; ``default`` when unset."""
    if not value or not value.strip():
        return default
    try:
        seconds = parse_duration(value).total_seconds()
    except DurationError as error:
        raise SettingsError(f"CANISHARE_REMIND_AFTER: {error}") from None
    if seconds < MIN_REMIND_AFTER_MINUTES * 60:
        raise SettingsError(
            f"CANISHARE_REMIND_AFTER={value.strip()!r} is under {MIN_REMIND_AFTER_MINUTES} minutes: advisors would be "
            f"reminded of every escalation at once. Use {MIN_REMIND_AFTER_MINUTES}min or more, e.g. 4h (reminders "
            "cannot be turned off; a long value such as 30d makes them rare)")
    return seconds / 3600


# The shortest retention period any command accepts from CANISHARE_RETENTION_DAYS: the running bot,
# the digest clock and `canishare purge` all delete what is older, so a typo ("1" meant as a year)
# would otherwise delete the whole advice record at the bot's next start.
MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 100 * 365  # as for durations (purge --older-than): beyond it dates overflow


def retention_too_short(what: str, days: float) -> str:
    """Why a retention period under ``MIN_RETENTION_DAYS`` is refused."""
    return (f"{what} ({days:g} days) is under the minimum of {MIN_RETENTION_DAYS} days: it would delete every "
            "question, answer, rating and decision record older than that, almost the whole advice record")


def _whole_days(value: str | None, default: int) -> int:
    if not value or not value.strip():
        return default
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit()) or int(digits) < 1:
        raise SettingsError(f"CANISHARE_RETENTION_DAYS={value!r}: use a whole number of days such as 365")
    if len(digits) > 6 or int(digits) > MAX_RETENTION_DAYS:
        raise SettingsError(f"CANISHARE_RETENTION_DAYS={digits} is longer than 100 years ({MAX_RETENTION_DAYS} "
                            "days): it counts days, so 365 is a year; set a period the retention schedule names")
    days = int(digits)
    if days < MIN_RETENTION_DAYS:
        raise SettingsError(
            f"{retention_too_short(f'CANISHARE_RETENTION_DAYS={value.strip()}', days)} (the running bot, the "
            f"digest clock and `canishare purge` all delete what is older). Set it to "
            f"{MIN_RETENTION_DAYS} or more (it counts days: 365 is a year); to delete younger records once, run "
            f"`canishare purge --older-than {days}d --dry-run`, then the same with --force")
    return days


def _nation(value: str | None) -> str | None:
    try:
        return parse_nation(value)
    except UnknownNation:
        raise SettingsError(f"CANISHARE_NATION={value!r}: use england, wales, scotland or northern-ireland") from None


def _urgent_page(value: str | None) -> str:
    """Whom an urgent escalation's card pages: "here" (everyone active in the advisor channel), "none",
    or a user group's id."""
    value = (value or "").strip()
    if not value or value.lower() in ("here", "none"):
        return value.lower() or "here"
    if value[0] == "S" and value.isalnum() and value.isupper() and len(value) > 2:
        return value
    raise SettingsError(
        f"CANISHARE_URGENT_PAGE={value!r}: use here (the default: @here in the advisor channel), none, or a "
        "user group's id, which starts with S (in Slack: People, User groups, the group, ⋯, Copy group ID)")


ALLOW_OPEN_ADVISOR_CHANNEL = "CANISHARE_ALLOW_PUBLIC_ADVISOR_CHANNEL"


def _allow_open_advisor_channel(value: str | None) -> bool:
    """Whether the members of a public (or Slack Connect) advisor channel may be trusted as advisors:
    only when the operator says so, since anyone in the workspace can join a public channel."""
    value = (value or "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise SettingsError(f"{ALLOW_OPEN_ADVISOR_CHANNEL}={value!r}: use 1 (trust the members of a public or "
                        "shared advisor channel as advisors) or 0 (the default: refuse them)")


def _advisor_hours(env: dict[str, str]) -> WorkingHours | None:
    """When the advisors work; None (at all hours) when neither variable is set. Closed days alone
    close those days of an otherwise always-open week."""
    hours = (env.get("CANISHARE_ADVISOR_HOURS") or "").strip()
    closed = (env.get("CANISHARE_ADVISOR_CLOSED") or "").strip()
    if not hours and not closed:
        return None
    try:
        days = closed_days(closed)
    except HoursError as error:
        raise SettingsError(f"CANISHARE_ADVISOR_CLOSED={closed!r}: {error}") from None
    try:
        return replace(WorkingHours.parse(hours or "Mon-Sun 00:00-24:00"), closed=days)
    except HoursError as error:
        raise SettingsError(f"CANISHARE_ADVISOR_HOURS={hours!r}: {error}") from None


def _https_url(name: str, value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    if not value.strip().startswith("https://"):
        raise SettingsError(f"{name}={value!r}: give the https:// address of the published page")
    return value.strip()


# Which kind of Slack token each variable holds, by its prefix, and where the app's settings show it.
TOKEN_SLOTS = {
    "SLACK_BOT_TOKEN": ("xoxb-", "the Bot User OAuth Token, under OAuth & Permissions"),
    "SLACK_APP_TOKEN": ("xapp-", "an app-level token with connections:write, under Basic Information"),
}
TOKEN_KINDS = {"xoxb-": "a bot token", "xapp-": "an app-level token", "xoxp-": "a user token"}


def _signing_secret(value: str | None) -> str | None:
    """SLACK_SIGNING_SECRET, stripped like the tokens (a pasted newline would fail every signature);
    quotes or spaces inside are refused: a secret is one run of letters and digits."""
    if not value or not value.strip():
        return None
    secret = value.strip()
    if secret[0] in "'\"" or secret[-1] in "'\"" or any(c.isspace() for c in secret):
        raise SettingsError("SLACK_SIGNING_SECRET holds quotes or spaces: give the Signing Secret alone, as shown "
                            "under Basic Information, App Credentials (no quotes around it)")
    return secret


def _token(variable: str, value: str | None) -> str | None:
    """A Slack token, refused (before anything connects) when its prefix is not its variable's."""
    if not value or not value.strip():
        return None
    token = value.strip()
    prefix, where = TOKEN_SLOTS[variable]
    if not token.startswith(prefix):
        held = next((kind for start, kind in TOKEN_KINDS.items() if token.startswith(start)), "not a Slack token")
        slots = "; ".join(f"{name} takes {p}… ({w})" for name, (p, w) in TOKEN_SLOTS.items())
        raise SettingsError(f"{variable} holds {held}, not one starting {prefix}: {slots}. If the two are "
                            "swapped, swap them back (see the README, 'Troubleshooting')")
    return token


def _api_url(value: str | None) -> str | None:
    """SLACK_API_URL, checked before anything is sent: an http(s):// base URL with a host and no spaces
    or control characters, ending in '/' (slack_sdk joins method names onto it)."""
    if not value or not value.strip():
        return None
    url = value.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        raise SettingsError(f"SLACK_API_URL={value!r}: give an http(s):// base URL such as https://slack.com/api/ "
                            "(or leave it unset for Slack's own)")
    return url if url.endswith("/") else url + "/"


def _measured_thresholds() -> Thresholds:
    from bot.matching import Thresholds

    return Thresholds()


def _thresholds(env: dict[str, str]) -> Thresholds:
    """The matcher's thresholds, with any set in the environment instead of the measured defaults."""
    overrides = {}
    for variable, name in THRESHOLD_VARIABLES.items():
        value = (env.get(variable) or "").strip()
        if not value:
            continue
        try:
            overrides[name] = float(value)
        except ValueError:
            raise SettingsError(f"{variable}={value!r}: use a number from 0 to 100") from None
        if not 0 <= overrides[name] <= 100:
            raise SettingsError(f"{variable}={value!r}: use a number from 0 to 100")
    thresholds = replace(_measured_thresholds(), **overrides)
    if thresholds.suggest > thresholds.answer:
        raise SettingsError(_lines_crossed(env, thresholds))
    return thresholds


def _lines_crossed(env: dict[str, str], thresholds: Thresholds) -> str:
    """The suggest line above the answer line, said with the variables actually set (a default is named as one)."""
    def said(variable: str, value: float) -> str:
        return f"{variable}={env[variable].strip()}" if (env.get(variable) or "").strip() else \
            f"the fitted default {variable.removeprefix('CANISHARE_').lower().replace('_', ' ')} ({value:g})"

    return (f"{said('CANISHARE_ANSWER_SCORE', thresholds.answer)} is below "
            f"{said('CANISHARE_SUGGEST_SCORE', thresholds.suggest)}: both are percentages from 0 to 100 "
            "(95 means 95%, not 0.95), and the answer line must be at or above the suggest line")


@dataclass(frozen=True)
class Settings:
    db_path: str = "canishare.db"
    faq_dir: str = str(BUNDLED_FAQ_DIR)
    bot_token: str | None = None
    app_token: str | None = None
    signing_secret: str | None = None
    api_url: str | None = None
    advisor_channel: str | None = None
    allow_open_advisor_channel: bool = False  # trust a public or externally shared advisor channel's members
    digest_channel: str | None = None
    remind_after_hours: float = 4.0
    advisor_hours: WorkingHours | None = None  # None: advisors are taken to work at all hours
    urgent_page: str = "here"  # "here", "none" or a user group's id (S…): whom an urgent escalation pages
    retention_days: int = 365
    nation: str | None = None  # the workspace's nation, for people who have not picked their own
    privacy_url: str | None = None  # the published privacy notice; App Home shows the bundled text without it
    thresholds: Thresholds = field(default_factory=_measured_thresholds)
    # (field, what is wrong with its variable) for each value that could not be read; its default stands
    problems: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, dotenv: str | Path = ".env") -> Settings:
        env = {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}
        problems: list[tuple[str, str]] = []

        def read(name: str, parse, default):
            try:
                return parse(env)
            except SettingsError as error:
                problems.append((name, str(error)))
                return default

        defaults = cls()
        return cls(
            db_path=(env.get("CANISHARE_DB") or "").strip() or defaults.db_path,
            faq_dir=env.get("CANISHARE_FAQ_DIR") or defaults.faq_dir,
            bot_token=read("bot_token", lambda e: _token("SLACK_BOT_TOKEN", e.get("SLACK_BOT_TOKEN")), None),
            app_token=read("app_token", lambda e: _token("SLACK_APP_TOKEN", e.get("SLACK_APP_TOKEN")), None),
            signing_secret=read("signing_secret", lambda e: _signing_secret(e.get("SLACK_SIGNING_SECRET")), None),
            api_url=read("api_url", lambda e: _api_url(e.get("SLACK_API_URL")), defaults.api_url),
            advisor_channel=env.get("CANISHARE_ADVISOR_CHANNEL") or None,
            allow_open_advisor_channel=read(
                "allow_open_advisor_channel",
                lambda e: _allow_open_advisor_channel(e.get(ALLOW_OPEN_ADVISOR_CHANNEL)), False),
            digest_channel=env.get("CANISHARE_DIGEST_CHANNEL") or None,
            remind_after_hours=read("remind_after_hours",
                                    lambda e: hours(e.get("CANISHARE_REMIND_AFTER"), defaults.remind_after_hours),
                                    defaults.remind_after_hours),
            advisor_hours=read("advisor_hours", _advisor_hours, defaults.advisor_hours),
            urgent_page=read("urgent_page", lambda e: _urgent_page(e.get("CANISHARE_URGENT_PAGE")),
                             defaults.urgent_page),
            retention_days=read("retention_days",
                                lambda e: _whole_days(e.get("CANISHARE_RETENTION_DAYS"), defaults.retention_days),
                                defaults.retention_days),
            nation=read("nation", lambda e: _nation(e.get("CANISHARE_NATION")), defaults.nation),
            privacy_url=read("privacy_url",
                             lambda e: _https_url("CANISHARE_PRIVACY_URL", e.get("CANISHARE_PRIVACY_URL")),
                             defaults.privacy_url),
            thresholds=read("thresholds", _thresholds, defaults.thresholds),
            problems=tuple(problems),
        )

    def check(self, fields: Collection[str] | None = None, *, ignore: Collection[str] = ()) -> Settings:
        """These settings, or ``SettingsError`` for the first of ``fields`` (default: all), less
        ``ignore``, whose variable could not be read."""
        for name, problem in self.problems:
            if (fields is None or name in fields) and name not in ignore:
                raise SettingsError(problem)
        return self

    def missing_for_serving(self, http: bool) -> list[str]:
        needed = {"SLACK_BOT_TOKEN": self.bot_token, "CANISHARE_ADVISOR_CHANNEL": self.advisor_channel}
        if http:
            needed["SLACK_SIGNING_SECRET"] = self.signing_secret
        else:
            needed["SLACK_APP_TOKEN"] = self.app_token
        return [name for name, value in needed.items() if not value]
