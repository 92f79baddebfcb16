"""Per-language number knowledge, loaded from ``extract/lexicons/numbers/<lang>.json`` and compiled once.

The JSON holds only data (words, values, phrases); this module turns it into lookup tables and regexes.
Keys of the JSON file:

- ``decimal_words``: "point", "komma", "virgule": digits after them are decimals ("fem komma fem").
- ``decimal_mark``: "." or ","; the other mark separates thousands when followed by exactly three digits.
- ``numbers``: word -> value ("tjugo": 20, "doscientos": 200). ``articles``: those of them that are also the
  indefinite article ("en", "a", "ein"): they count as 1 only inside a number ("en miljon", "tjugoen"); ``addend_articles`` may also end one
  ("tjugoen", "trettio en", "vingt et un").
- ``multipliers``: word -> factor ("hundra": 100, "Millionen": 1e6); ``plural_multipliers`` alone are vague.
- ``suffix_multipliers``: abbreviations written after digits ("1,5 milj.", "$10bn").
- ``fractions``: word -> denominator; ``standalone_fractions`` need no numerator ("hälften", "half").
- ``half_additions``: phrases that add to the number before them ("och en halv", "einhalb").
- ``approximate_numbers``: "ett tjugotal", "une vingtaine": approximately N.
- ``vague``: indefinite number words -> the unit they name ("tusentals": 1000).
- ``word_joiners`` between number words ("and", "och", "y"); ``compound_joiners`` glue a unit before its ten
  inside one word ("fünfundzwanzig", "femogtyve"); ``vigesimal_tens``: tens that take a teen ("soixante-douze").
- ``modifiers``: about / more / less / several / negative phrases written before a number.
- ``share_determiners``: articles that may stand between a modifier and a share ("mehr als die Hälfte",
  "más de la mitad", "hasta el 10 %"); before any other number they end the modifier's reach.
- ``hedged_bounds``: bound phrases that stay bounds before a hedge ("up to about 200", "bis zu etwa").
  Any other bound word followed by a hedge is a preposition or a verb particle ("rådede over omkring
  halvdelen": ruled over about half), so only the hedge applies.
- ``unit_links``: words between a number noun and its unit ("une dizaine de kilomètres", "dozens of miles").
- ``multiplicative_suffixes``: endings glued to a number word that make it a multiplier ("fünfmal",
  "tenfold", "firedoblet"); the number layer reports the number, the claim layer the ratio.
- ``range_pairs`` ("mellan", "och"), ``range_connectors`` ("till", "to"; dashes are always connectors).
- ``units``: unit id -> words; ``scaled_units``: word -> [unit id, factor] ("mil": ["km", 10]).
- ``ordinal_suffixes`` ("st", ":e", "er"); ``months``, ``year_cues`` and ``time_cues`` for dates and times.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from factcheck.extract.numbers.patterns import (
    DASHES,
    HYPHENS,
    NO_LETTER_AFTER,
    NO_LETTER_BEFORE,
    SPACE_CHARS,
    SPACES,
    Marks,
    Tails,
    closing_marks,
    last_words,
    normalise,
    trie_regex,
)

# Morpheme kinds.
NUM = "num"
ART = "art"
MULT = "mult"
FRAC = "frac"
APPROX = "approx"
VAGUE = "vague"
POINT = "point"

MODIFIER_KINDS = ("about", "more", "less", "several", "negative")
# Words that join a lower and an upper bound in every language: "but", "men", "aber", "mais", "pero".
_BOUND_JOINERS = ("but", "men", "mens", "aber", "mais", "pero", "and", "et")


@dataclass(frozen=True, slots=True)
class Morpheme:
    kind: str
    value: float
    plural: bool = False  # a plural multiplier: vague when it stands alone ("millions of people")
    standalone: bool = True  # a fraction that needs no numerator
    addend: bool = False  # an article that may end a compound number ("tjugoen", "vingt et un")


@dataclass(frozen=True, slots=True)
class NumberLexicon:
    language: str
    decimal_mark: str
    morphemes: dict[str, Morpheme]
    half_additions: dict[str, float]
    compound_joiners: frozenset[str]
    word_joiners: frozenset[str]
    vigesimal_tens: frozenset[int]
    suffix_multipliers: dict[str, float]
    modifiers: dict[str, str]  # normalised phrase -> kind
    range_pairs: dict[str, frozenset[str]]  # opening word -> closing words
    connector_words: frozenset[str]  # words that join a range without an opening word ("to", "till")
    units: dict[str, tuple[str, float]]  # normalised word -> (unit id, factor)
    hedged_bounds: frozenset[str]
    multiplicative_suffixes: frozenset[str]
    # Compiled regexes.
    phrase: re.Pattern[str]  # a number-word phrase
    digit_scanner: re.Pattern[str]  # digit runs
    word_scanner: re.Pattern[str]  # number-word phrases (group "w") after the character before each
    ascii_lower_safe: bool  # ``ascii_variant`` may stand in for the case-insensitive patterns in ASCII text
    phrase_tokens: re.Pattern[str]  # half additions ("h"), morphemes ("m") and joiners ("j") inside a phrase
    suffix_multiplier_re: re.Pattern[str]
    ordinal_re: re.Pattern[str]
    # First characters of what may follow digits: the regexes above are tried only when one is there.
    ordinal_first: frozenset[str]
    suffix_first: frozenset[str]  # glued to the digits ("10k", "5mdr")
    spaced_suffix_first: frozenset[str]  # after one space ("5 mdr")
    unit_re: re.Pattern[str]  # a unit word ("u"), maybe after a link word ("l") right after a number
    modifier_re: re.Pattern[str]  # a modifier ("m"), maybe with a determiner ("d"), ending the window
    modifier_marks: Marks  # punctuation that may end ``modifier_re`` (see patterns.can_end)
    modifier_tails: Tails | None  # the words that may end ``modifier_re`` (see patterns.may_end_in)
    modifier_reach: int  # the longest modifier with its determiner and spaces: how far back to look
    postfix_re: re.Pattern[str]  # "or more", "eller fler", "o menos" right after a number
    postfix_modifiers: dict[str, str]
    bound_joiner_re: re.Pattern[str]  # the gap between two bounds that make a range ("above 10 and below 20")
    connector_re: re.Pattern[str]  # the gap between the two ends of a range
    word_joiner_re: re.Pattern[str]  # " and ", " och ": a gap inside one number
    range_open_re: re.Pattern[str]  # "mellan", "between" ending the window before a range
    months_re: str
    year_cues_re: str
    time_cues_re: str
    date_lead_marks: Marks  # punctuation that may end a month, a year cue or a time cue
    date_lead_tails: Tails | None  # the words that may end one


def _data(language: str) -> dict[str, Any]:
    path = resources.files("factcheck.extract").joinpath("lexicons", "numbers", f"{language}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _group(words: list[str] | dict[str, Any]) -> str:
    return trie_regex(list(words))


def _first_chars(words: list[str] | dict[str, Any]) -> frozenset[str]:
    firsts = {w.strip()[:1] for w in words if w.strip()}
    return frozenset(firsts | {c.lower() for c in firsts} | {c.upper() for c in firsts})


def _opening_letters(words: list[str]) -> str:
    """A regex character class body holding every character that a case-insensitive ``trie_regex(words)``
    may match first: the first characters of ``words`` in every case, found by trying all characters below
    the surrogates, and all characters from there on, which the phrase pattern itself then checks."""
    firsts = "".join(sorted({w[:1] for w in words if w}))
    below = "".join(map(chr, range(0xD800)))
    found = "".join(sorted(set(re.findall(f"[{re.escape(firsts)}]", below, re.IGNORECASE)))) if firsts else ""
    return f"{re.escape(found)}\\ud800-\\U0010ffff"


# A case-insensitive pattern's string -> the pattern matched case-sensitively (see ``ascii_variant``). Keyed
# by the string, whose hash Python keeps: a compiled pattern's own hash is worked out anew from its whole
# code at every lookup.
_ASCII_VARIANTS: dict[str, re.Pattern[str]] = {}


def ascii_variant(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive lexicon pattern (``word_scanner``, ``modifier_re``) compiled case-sensitively, to be
    matched in the lower case of an ASCII text, for a lexicon whose ``ascii_lower_safe`` holds: there it
    finds what ``pattern`` finds in the text itself, at the same offsets, with far fewer steps (the regex
    engine compares characters as they are and skips at once the branches of a word list that cannot match).

    That holds because the letters of such a pattern outside its case-sensitive groups ``(?-i:...)`` are
    those of the lexicon's keys, which are lower case, and each case-sensitive group holds both cases of any
    ASCII letter it holds (``_opening_letters``): an ASCII character then matches each part of the pattern
    exactly when its lower case does. Compiled on first use: compiling costs about as much time as it then
    saves on some hundreds of KB of text, so a process that reads no ASCII text had better not.
    """
    variant = _ASCII_VARIANTS.get(pattern.pattern)
    if variant is None:
        variant = _ASCII_VARIANTS[pattern.pattern] = re.compile(
            pattern.pattern, pattern.flags & ~re.IGNORECASE
        )
    return variant


def _ascii_lower_safe(keys: list[str]) -> bool:
    """Whether no key holds a character outside ASCII that matches an ASCII letter case-insensitively ("ſ"
    matches "s"): a lower-case ASCII text holds no such character, so ``ascii_variant`` would miss it."""
    special = "".join(sorted({char for key in keys for char in key if not char.isascii()}))
    return not (special and re.search(f"[{re.escape(special)}]", string.ascii_letters, re.IGNORECASE))


@cache
def load_lexicon(language: str) -> NumberLexicon:
    """The compiled number lexicon for ``language`` (one of factcheck.domain.LANGUAGES)."""
    data = _data(language)
    morphemes: dict[str, Morpheme] = {}
    for word, value in data["numbers"].items():
        morphemes[normalise(word)] = Morpheme(NUM, float(value))
    addends = {normalise(w) for w in data.get("addend_articles", [])}
    for word in data.get("articles", []):
        morphemes[normalise(word)] = Morpheme(ART, 1.0, addend=normalise(word) in addends)
    for word in data.get("decimal_words", []):
        morphemes[normalise(word)] = Morpheme(POINT, 0.0)
    plural = {normalise(w) for w in data.get("plural_multipliers", [])}
    for word, value in data["multipliers"].items():
        morphemes[normalise(word)] = Morpheme(MULT, float(value), plural=normalise(word) in plural)
    standalone = {normalise(w) for w in data.get("standalone_fractions", [])}
    for word, denominator in data.get("fractions", {}).items():
        key = normalise(word)
        morphemes[key] = Morpheme(FRAC, 1.0 / float(denominator), standalone=key in standalone)
    for word, value in data.get("approximate_numbers", {}).items():
        morphemes[normalise(word)] = Morpheme(APPROX, float(value))
    for word, value in data.get("vague", {}).items():
        key = normalise(word)
        # A word that is both a plural multiplier and vague ("millions") stays a multiplier: the parser makes
        # it vague when no number stands before it.
        if key not in morphemes:
            morphemes[key] = Morpheme(VAGUE, float(value))
    half_additions = {normalise(k): float(v) for k, v in data.get("half_additions", {}).items()}

    word_joiners = [normalise(w) for w in data.get("word_joiners", [])]
    compound_joiners = [normalise(w) for w in data.get("compound_joiners", [])]
    morpheme_re = f"(?>{trie_regex(morphemes)})"
    half_words = [k for k in half_additions if " " in k]
    half_glued = [k for k in half_additions if " " not in k]
    half_parts = []
    if half_words:
        half_parts.append(f"{SPACES}+{trie_regex(half_words)}")
    if half_glued:
        half_parts.append(trie_regex(half_glued))
    half_re = f"(?>{'|'.join(half_parts)})" if half_parts else "(?!)"
    joiner_parts = [f"{SPACES}*[{HYPHENS}]{SPACES}*"]
    if word_joiners:
        joiner_parts.append(f"{SPACES}+{trie_regex(word_joiners)}{SPACES}+")
    joiner_parts.append(f"{SPACES}+")
    if compound_joiners:
        joiner_parts.append(trie_regex(compound_joiners))
    joiner_re = f"(?>{'|'.join(joiner_parts)})"
    # A phrase may open with an article only when a number part follows ("a hundred", "en och en halv"):
    # articles are everywhere in news text and would otherwise each be read and thrown away.
    articles = [k for k, m in morphemes.items() if m.kind == ART]
    others = [k for k, m in morphemes.items() if m.kind not in (ART, POINT)]
    first_re = f"(?>{trie_regex(others)})"
    if articles:
        first_re = f"(?:(?:{trie_regex(articles)})(?=(?:{half_re}|{joiner_re}?+{morpheme_re}))|{first_re})"
    phrase_re = f"{NO_LETTER_BEFORE}{first_re}(?:{half_re}|{joiner_re}?+{morpheme_re})*+"
    phrase_pattern = re.compile(phrase_re, re.IGNORECASE)
    # Both scanners open with a plain character class, so that the regex engine skips in C to the places
    # where one may match instead of trying the whole pattern at every character (see ``grammar.number_runs``).
    # A digit run: ``\\d`` holds no ASCII character but 0-9.
    digit_scanner = re.compile(f"[0-9\\x80-\\U0010ffff](?<=\\d)\\d*+(?:[.,'{SPACE_CHARS}]\\d++)*+")
    # A phrase (group "w") right after the character that may stand before it, which is no ASCII letter,
    # and only where its first letter may open a phrase.
    openers = _opening_letters(others + articles)
    word_scanner = re.compile(f"(?-i:[^a-zA-Z])(?=(?-i:[{openers}]))(?=(?P<w>{phrase_re}))", re.IGNORECASE)
    phrase_tokens = re.compile(f"(?P<h>{half_re})|(?P<m>{morpheme_re})|(?P<j>{joiner_re})", re.IGNORECASE)

    suffixes = data.get("suffix_multipliers", {})
    # Single letters must touch the digits ("10k", "$2m"); longer abbreviations may follow a space ("5 mdr").
    short = [k for k in suffixes if len(k) == 1]
    long_ = [k for k in suffixes if len(k) > 1]
    suffix_parts = []
    if long_:
        suffix_parts.append(f"{SPACES}?{trie_regex(long_)}")
    if short:
        suffix_parts.append(trie_regex(short))
    suffix_multiplier_re = re.compile(
        f"(?:{'|'.join(suffix_parts) or '(?!)'})(?:(?<=\\.)|{NO_LETTER_AFTER})", re.IGNORECASE
    )
    # Case matters for one-letter abbreviations ("10M" vs "10m" mean the same, but "b"/"B" too): keep a lower map.
    suffix_map = {normalise(k): float(v) for k, v in suffixes.items()}

    ordinal_re = re.compile(
        f"(?:{trie_regex(data.get('ordinal_suffixes', [])) if data.get('ordinal_suffixes') else '(?!)'})"
        f"{NO_LETTER_AFTER}",
        re.IGNORECASE,
    )

    units: dict[str, tuple[str, float]] = {}
    for unit, words in data["units"].items():
        for word in words:
            units[normalise(word)] = (unit, 1.0)
    for word, (unit, factor) in data.get("scaled_units", {}).items():
        units[normalise(word)] = (unit, float(factor))
    links = data.get("unit_links", [])
    link_re = f"(?:(?P<l>{trie_regex(links)})(?:(?<=['’])|{SPACES}+))?"
    unit_re = re.compile(
        f"{SPACES}*(?:[{DASHES}]{SPACES}*)?{link_re}(?P<u>{trie_regex(units)})(?:(?<=[%²])|(?<=\\.)|{NO_LETTER_AFTER})",
        re.IGNORECASE,
    )

    modifiers: dict[str, str] = {}
    for kind in MODIFIER_KINDS:
        for phrase in data["modifiers"].get(kind, []):
            modifiers.setdefault(normalise(phrase), kind)
    determiners = data.get("share_determiners", [])
    determiner_re = f"(?:(?P<d>{trie_regex(determiners, hyphen_gap=False)}){SPACES}+)?"
    modifier_re = re.compile(
        f"(?:{NO_LETTER_BEFORE}|(?=[<>=≥≤]))(?P<m>{trie_regex(modifiers, hyphen_gap=False)})"
        f"(?:(?<=['’.<>=≥≤])|{SPACES}+){determiner_re}\\Z",
        re.IGNORECASE,
    )
    # Spaces inside and after a phrase may be doubled; a few characters of slack cover that.
    modifier_reach = max(map(len, modifiers), default=0) + max(map(len, determiners), default=0) + 8
    postfix_modifiers: dict[str, str] = {}
    for kind, phrases in data.get("postfix_modifiers", {}).items():
        for phrase in phrases:
            postfix_modifiers.setdefault(normalise(phrase), kind)
    postfix_re = re.compile(
        f"{SPACES}+(?P<p>{trie_regex(postfix_modifiers, hyphen_gap=False) if postfix_modifiers else '(?!)'})"
        f"{NO_LETTER_AFTER}",
        re.IGNORECASE,
    )

    range_pairs: dict[str, set[str]] = {}
    for opening, closing in data.get("range_pairs", []):
        range_pairs.setdefault(normalise(opening), set()).add(normalise(closing))
    closers = {c for cs in range_pairs.values() for c in cs}
    connector_words = [normalise(w) for w in data.get("range_connectors", [])]
    connector_re = re.compile(
        f"{SPACES}*(?:[{DASHES}]|(?P<w>{trie_regex([*connector_words, *closers])}){SPACES}+){SPACES}*",
        re.IGNORECASE,
    )
    range_open_re = re.compile(
        f"{NO_LETTER_BEFORE}(?P<o>{trie_regex(range_pairs)})(?:(?<=['’])|{SPACES}+)\\Z", re.IGNORECASE
    )

    date_leads = [
        *data.get("months", []),
        *data.get("year_cues", []),
        *data.get("time_cues", []),
        "de",
        "del",
    ]
    return NumberLexicon(
        language=language,
        decimal_mark=data["decimal_mark"],
        morphemes=morphemes,
        half_additions=half_additions,
        compound_joiners=frozenset(compound_joiners),
        word_joiners=frozenset(word_joiners),
        vigesimal_tens=frozenset(int(v) for v in data.get("vigesimal_tens", [])),
        suffix_multipliers=suffix_map,
        modifiers=modifiers,
        range_pairs={k: frozenset(v) for k, v in range_pairs.items()},
        connector_words=frozenset(connector_words),
        units=units,
        hedged_bounds=frozenset(normalise(p) for p in data.get("hedged_bounds", [])),
        multiplicative_suffixes=frozenset(normalise(p) for p in data.get("multiplicative_suffixes", [])),
        phrase=phrase_pattern,
        digit_scanner=digit_scanner,
        word_scanner=word_scanner,
        ascii_lower_safe=_ascii_lower_safe(
            [*morphemes, *half_additions, *word_joiners, *compound_joiners, *modifiers, *determiners]
        ),
        phrase_tokens=phrase_tokens,
        suffix_multiplier_re=suffix_multiplier_re,
        ordinal_re=ordinal_re,
        ordinal_first=_first_chars(data.get("ordinal_suffixes", [])),
        suffix_first=_first_chars(suffixes),
        spaced_suffix_first=_first_chars(long_),
        unit_re=unit_re,
        modifier_re=modifier_re,
        modifier_reach=modifier_reach,
        modifier_marks=closing_marks([*modifiers, *determiners], hyphen_gap=False),
        modifier_tails=last_words([*modifiers, *determiners], hyphen_gap=False),
        connector_re=connector_re,
        postfix_re=postfix_re,
        postfix_modifiers=postfix_modifiers,
        bound_joiner_re=re.compile(
            f"[{SPACE_CHARS},;]*(?:(?:{trie_regex([*word_joiners, *closers, *_BOUND_JOINERS])}){SPACES}+)?",
            re.IGNORECASE,
        ),
        word_joiner_re=re.compile(
            f"{SPACES}+(?:{trie_regex(word_joiners) if word_joiners else '(?!)'}){SPACES}+", re.IGNORECASE
        ),
        range_open_re=range_open_re,
        months_re=trie_regex(data.get("months", [])),
        year_cues_re=trie_regex(data.get("year_cues", [])),
        time_cues_re=trie_regex(data.get("time_cues", [])),
        date_lead_marks=closing_marks(date_leads),
        date_lead_tails=last_words(date_leads),
    )
