"""Welsh for bot.urgency: the words of its classes, with their mutations, and the words that mark a text
as (partly) Welsh.

Welsh text is not read by the embedding or the bag of words (both were fitted on English and read Welsh
as noise), so what a Welsh risk-now statement says must be found by its word classes: these lists. A
Welsh word changes its first letter after some words (soft, nasal and aspirate mutation: "curo" beat,
"ei guro" beat him, "fy nghuro" beat me, "ei churo" beat her), so each word is listed in its forms.
"""

from __future__ import annotations

import re


def _mutated(*roots: str) -> list[str]:
    """Each root with its soft, nasal and aspirate mutations ("taro" -> daro, nharo, tharo)."""
    forms = {
        "c": ("g", "ngh", "ch"), "p": ("b", "mh", "ph"), "t": ("d", "nh", "th"), "g": ("", "ng"),
        "b": ("f", "m"), "d": ("dd", "n"), "ll": ("l",), "rh": ("r",), "m": ("f",),
    }
    out = []
    for root in roots:
        out.append(root)
        for first, mutations in forms.items():
            if root.startswith(first):
                out.extend(m + root[len(first):] for m in mutations if len(m + root[len(first):]) > 3)
                break
    return out


WORDS: dict[str, list[str]] = {
    "violence": _mutated("lladd", "taro", "trawodd", "curo", "curodd", "cicio", "dyrnu", "trywanu", "cyllell",
                         "cyllyll", "gynnau", "bygwth", "bygythiad", "brifo", "anafu", "ymosod", "saethu", "tagu",
                         "llosgi", "treisio", "gweiddi") + [r"ngwn", r"gwn\b(?! i\b)", r"arfau?\b"],
    "fear": _mutated("dychryn", "perygl", "crio", "sgrechian") + [r"ofn\w*", r"anniogel", r"ddim yn ddiogel"],
    "selfharm": _mutated("marw", "rhaff", "pont", "neidio", "gorddos") + [
        r"hunanladd\w*", r"hunan[- ]?niweid\w*", r"hwyl fawr", r"ffarwel",
        r"holl (?:dabledi|feddyginiaeth|bils)",
        r"cymryd (?:ei|eu|fy) (?:holl )?(?:dabledi|tabledi|feddyginiaeth|pils)"],
    "missing": _mutated("diflannu", "dianc") + [r"ar goll", r"r?hedeg i ffwrdd"],
    "abuse": _mutated("cam-drin", "camdrin", "cleisiau", "gwaedu", "gwaed", "cam-fanteisio", "ymbincio") + [
        r"n?g?h?am-drin", r"n?g?h?am-fanteisio", r"d?dyn hŷn", r"d?dyn hyn"],
    "travel": _mutated("gorfodi", "priodi", "priodas", "pasbort", "carchar") + [r"dramor", r"awyren", r"maes awyr"],
    "unwell": _mutated("dryslyd", "cwympo") + [r"anymwybodol", r"ddim yn anadlu",
                                                     r"ar (?:ei|eu) (?:ben|phen|pen) (?:ei|eu) (?:hun|hunain)"],
    "now": [r"heno", r"nawr", r"rŵan", r"rwan", r"ar hyn o bryd", r"heddiw", r"(?:y )?bore '?ma", r"prynhawn '?ma",
            r"y?fory", r"neithiwr", r"(?:y )?tu allan", r"ar (?:ei|eu|y) ffordd", r"yn syth", r"(?:hanner )?awr yn ôl",
            r"munud(?:au)? yn ôl", r"mewn awr", r"ar ôl ysgol", r"yn dal", r"'n dal", r"dal yn"],
    "past": [r"y llynedd", r"f?m?l?ynyddoedd yn ôl", r"mlynedd yn ôl", r"yn y gorffennol", r"hanes o", r"pan oedd"],
    "resolved": [r"yn ddiogel nawr", r"wedi (?:ei|eu) (?:ddarganfod|ffeindio)", r"wedi (?:ei|eu) (?:arestio|harestio)"],
    "frame": [r"hyfforddiant", r"senario", r"astudiaeth achos", r"damcaniaethol", r"polisi", r"canllawiau"],
}

# Words only Welsh uses: one of the first kind, or two of the second (short words some English text holds:
# "Y10", "Gan", "AC") make a text partly Welsh, so that the embedding's noise (fitted on English) does not
# decide it.
_MARKERS = frozenset("""
mae mae'r mae'n wedi gyda gyda'r ddim nhw ydy ydw dwi rwy'n rydw rydyn hefyd iawn sy'n i'r o'r a'r gaf allaf
hi'n e'n dyw ni'n beth pryd eisiau dweud gofyn gwybod ychydig diolch noswaith prynhawn shwmae mewn efo hefo
drwy rhwng oherwydd felly dyma dyna i'w
""".split())
_WEAK_MARKERS = frozenset("y yr yn ei eu fy yw dw gan sut ble pwy bod fod oes helo bore dros wrth ac ond".split())
_TOKEN = re.compile(r"[a-zŵŷâêîôûáéíóú']+")


def is_partly_welsh(norm: str) -> bool:
    tokens = set(_TOKEN.findall(norm))
    return bool(tokens & _MARKERS) or len(tokens & _WEAK_MARKERS) >= 2
