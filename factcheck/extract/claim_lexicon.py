"""Language knowledge for the claim layer, loaded from lexicons/claims/<lang>.json.

Cue lists hold lower-case words; an entry ending in "*" matches any word that starts with it, so one
entry covers a stem's inflections ("krigare*" matches krigarna, krigarnas). Entries with a space are
phrases, matched against the lower-cased sentence with word boundaries.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

_LEXICON_DIR = Path(str(resources.files("factcheck.extract"))) / "lexicons" / "claims"
PERSON_KINDS: tuple[str, ...] = ("fighters", "civilians", "casualties", "displaced", "persons")


@dataclass(frozen=True, slots=True)
class CueSet:
    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: re.Pattern[str] | None

    @classmethod
    def of(cls, entries: list[str]) -> CueSet:
        words: set[str] = set()
        prefixes: list[str] = []
        phrases: list[str] = []
        for raw in entries:
            entry = raw.lower().strip()
            if not entry:
                continue
            if " " in entry:
                phrases.append(entry.rstrip("*"))
            elif entry.endswith("*"):
                prefixes.append(entry[:-1])
            else:
                words.add(entry)
        pattern = None
        if phrases:
            alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return cls(frozenset(words), tuple(sorted(prefixes, key=len, reverse=True)), pattern)

    def matches_word(self, word: str) -> bool:
        return word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes))

    def matches_compound(self, word: str, min_tail: int = 4) -> bool:
        """The word ends in a cue: "regeringssoldater" ends in "soldater" ("soldat*")."""
        return any(self.matches_word(word[i:]) for i in range(2, len(word) - min_tail + 1))

    def matching(self, words: list[str]) -> list[int]:
        """Indices of the words that are cues, in order."""
        # The usual case, no cue at all, is checked at C speed: a word that starts with a prefix holds it, and
        # a prefix holds no space (entries with one are phrases), so it is then found in the words joined by
        # spaces.
        if self.words.isdisjoint(words) and not (self.prefixes and self._prefix_within(" ".join(words))):
            return []
        if self.prefixes:
            prefixes = self.prefixes
            return [i for i, w in enumerate(words) if w in self.words or w.startswith(prefixes)]
        return [i for i, w in enumerate(words) if w in self.words]

    def _prefix_within(self, text: str) -> bool:
        """Whether a prefix occurs anywhere in ``text``."""
        return any(prefix in text for prefix in self.prefixes)

    def in_text(self, lowered: str, words: list[str]) -> bool:
        # Same as any(matches_word(w) ...): the set test runs at C speed, prefixes only when there are any.
        if not self.words.isdisjoint(words):
            return True
        if self.prefixes:
            prefixes = self.prefixes
            if any(w.startswith(prefixes) for w in words):
                return True
        return self.phrases is not None and self.phrases.search(lowered) is not None


# Characters that Python's case-insensitive matching pairs with a letter other than their lower-case form
# ("ſ" matches "s", "ı" matches "i", Greek and Cyrillic variants), plus those whose lower-case form
# depends on context ("Σ") or is longer ("İ"): in a text holding none of them, a lower-case phrase is
# matched case-insensitively exactly where the text's lower-case form holds the phrase. Built from
# re._casefix (tests/test_claims_phrase_finder.py checks it against the running Python).
CASE_FOLD_EXCEPTIONS = (
    "\xb5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3"
    "\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1"
    "\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0432\u0434\u043e"
    "\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e60"
    "\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06"
)
_CASE_FOLD_EXCEPTION = re.compile(f"[{CASE_FOLD_EXCEPTIONS}]")


def foldable(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased, when its lower-case form lines up with it character for character
    and case-insensitive matching of a lower-case phrase means finding it there; else None."""
    piece = text[start:end]
    lowered = piece.lower()
    if len(lowered) != len(piece) or (not piece.isascii() and _CASE_FOLD_EXCEPTION.search(piece)):
        return None
    return lowered


@dataclass(frozen=True, slots=True)
class PhraseFinder:
    """Phrases matched case-insensitively between word boundaries (``pattern``), found fast.

    The pattern opens with a look-behind, which keeps Python's regex engine from skipping ahead to a
    likely first letter: it tries every position, case-insensitively. ``prefilter`` is the bare
    lower-cased phrases, matched case-sensitively in the lower-cased text, where the engine does skip
    ahead; only where it finds a phrase is the pattern itself tried, so the matches are the pattern's own.
    """

    pattern: re.Pattern[str]
    prefilter: re.Pattern[str] | None  # None when a phrase holds a letter with an unusual case fold

    @classmethod
    def of(cls, phrases: list[str]) -> PhraseFinder:
        lowered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
        prefilter = None
        if not _CASE_FOLD_EXCEPTION.search("".join(lowered)):
            prefilter = re.compile("|".join(re.escape(p) for p in lowered))
        return cls(_pattern(phrases), prefilter)

    def find(self, text: str, start: int, end: int, lowered: str | None) -> list[re.Match[str]]:
        """The matches of ``list(pattern.finditer(text, start, end))``; ``lowered`` is
        ``foldable(text, start, end)``."""
        if self.prefilter is None or lowered is None:
            return list(self.pattern.finditer(text, start, end))
        # Every match of the pattern starts where the lower-cased text holds a phrase: try the pattern at
        # each such place in turn, going on after a match from its end, as finditer does.
        found: list[re.Match[str]] = []
        search, match_at = self.prefilter.search, self.pattern.match
        position = 0
        while (candidate := search(lowered, position)) is not None:
            match = match_at(text, start + candidate.start(), end)
            if match is None:
                position = candidate.start() + 1
            else:
                found.append(match)
                position = match.end() - start
        return found


@dataclass(frozen=True, slots=True)
class RelativeDays:
    """Phrases that place an event on a day relative to the report's date.

    ``meanings`` maps a lower-case phrase to (mode, weekday): mode "offset" with a day offset (today 0,
    yesterday -1), "on" for the latest such weekday up to the report's day ("on Friday", "på lördagen"),
    "last" for the latest such weekday strictly before it ("last Friday", "i fredags"). Weekday 0 is Monday.
    """

    pattern: re.Pattern[str] | None
    meanings: dict[str, tuple[str, int]]

    @classmethod
    def of(cls, data: dict[str, list]) -> RelativeDays:
        meanings: dict[str, tuple[str, int]] = {}
        for phrase in data.get("today", []):
            meanings[phrase.lower()] = ("offset", 0)
        for phrase in data.get("yesterday", []):
            meanings[phrase.lower()] = ("offset", -1)
        for weekday, phrases in enumerate(data.get("weekdays", [])):
            for phrase in phrases:
                meanings[phrase.lower()] = ("on", weekday)
        for weekday, phrases in enumerate(data.get("last_weekdays", [])):
            for phrase in phrases:
                meanings[phrase.lower()] = ("last", weekday)
        pattern = _pattern(list(meanings)) if meanings else None
        return cls(pattern, meanings)


@dataclass(frozen=True, slots=True)
class ClaimLexicon:
    language: str
    compounds: bool  # nouns compound without a hyphen (sv, nb, da, de), so match their last part
    nouns: dict[str, CueSet]  # person kinds and "towns"
    things: dict[str, CueSet]  # English gloss -> cues, for counts of things
    casualty_cues: CueSet
    displacement_cues: CueSet
    control_cues: CueSet
    territory_cues: CueSet
    ratio_cues: CueSet  # "destroyed", "hospitals": a percentage of damage or of people, not of ground held
    ratio_words: CueSet
    estimate_cues: CueSet  # "anslått", "estimated": the figure is an estimate, so approximate
    relative_time_after: CueSet
    relative_time_before: CueSet
    credit_markers: tuple[str, ...]
    furniture_start: re.Pattern[str] | None  # "Photo", "Läs mer", "©": page furniture, not report text
    furniture_after: re.Pattern[str] | None  # "3 min read", "150,000 followers"
    age_after: re.Pattern[str] | None  # "45 years old", "35-year-old", "-årig": an age, not a duration
    age_before: re.Pattern[str] | None  # "âgé de 35 ans", "aged 35"
    label_words: frozenset[str]  # "Route 4", "nr 3", "page 2": a number used as a name
    back_references: dict[str, PhraseFinder]  # place type -> phrases that refer back
    relative_days: RelativeDays
    conjunctions: frozenset[str]
    one_words: frozenset[str]
    location_prepositions: frozenset[str]
    of_words: frozenset[str]  # "37 procent av Syrien": the partitive that makes a share of a place
    city_words: frozenset[str]  # words that mark a name as a city: "staden Deir Ezzor", "Raqqa city"
    time_units: CueSet  # "veckorna", "semaines": the unit words of a period of time
    relative_periods: CueSet  # "senaste", "past", "dernières": a period counted back from the report's day
    among: re.Pattern[str] | None  # "varav", "darunter", "dont": a part of the figure before it
    bare_count_links: frozenset[str]  # verbs that may follow a number with no noun ("7000 er dræbt")
    agent_prepositions: frozenset[str]  # "von den USA unterstützten": the agent of a participle before a noun
    participle_endings: tuple[str, ...]  # endings of such an attributive participle ("unterstützten")
    # Multiplier endings glued to a number word ("fünfmal", "tenfold", "firedoblet"): the number layer gives
    # the number word's value with the whole word as its mention, and the ending makes it a ratio.
    ratio_suffixes: tuple[str, ...] = ()
    # "the army", "armén", "l'armée": a country's armed forces named by their kind alone; they are the
    # armed forces the report last named ("the Syrian army"), and often the subject of the clause of a figure.
    army_references: PhraseFinder | None = None
    # "since 2015", "sedan 2015": a since-word directly before a year; with a state word of siege, control or
    # occupation in its clause ("besieged", "belägrad") the year starts a duration that lasts to the report.
    since_pattern: re.Pattern[str] | None = None
    state_words: dict[str, CueSet] = field(default_factory=dict)  # English gloss -> cues
    # The longest age_before phrase, when none ends in "*": a match of age_before ends in white space at
    # the end of the text searched, so it starts no further back than this from where that space begins.
    age_before_length: int | None = None


def _affix(phrases: list[str], where: str) -> re.Pattern[str] | None:
    """A pattern for phrases at the start ("^") or end ("$") of a piece of text; "*" ends in any letters."""
    if not phrases:
        return None
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = re.escape(phrase.lower().rstrip("*")) + (r"\w*" if phrase.endswith("*") else "")
        parts.append(body)
    alternatives = "|".join(parts)
    if where == "^":
        return re.compile(rf"\s*(?:{alternatives})(?!\w)", re.IGNORECASE)  # used with match(), so anchored
    return re.compile(rf"(?<!\w)(?:{alternatives})\s*$", re.IGNORECASE)


def _longest(phrases: list[str]) -> int | None:
    """The length of the longest phrase, or None when a phrase ending in "*" matches words of any length."""
    if any(phrase.endswith("*") for phrase in phrases):
        return None
    return max((len(phrase.lower()) for phrase in phrases), default=0)


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p.lower()) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _since_pattern(words: list[str]) -> re.Pattern[str] | None:
    """ "since 2015", "sedan 2015": a since-word directly before a four-digit year (not "since 2015/16")."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w.lower()) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?P<year>(?:19|20)\d\d)(?![\w/.,-]?\d)(?!\w)")


@lru_cache(maxsize=16)
def load_claim_lexicon(language: str) -> ClaimLexicon:
    path = _LEXICON_DIR / f"{language}.json"
    if not path.is_file():
        path = _LEXICON_DIR / "en.json"
        language = "en"
    data = json.loads(path.read_text(encoding="utf-8"))
    days = data["relative_days"]
    return ClaimLexicon(
        language=language,
        compounds=bool(data.get("compounds", False)),
        nouns={kind: CueSet.of(entries) for kind, entries in data["nouns"].items()},
        things={gloss: CueSet.of(entries) for gloss, entries in data["things"].items()},
        casualty_cues=CueSet.of(data["casualty_cues"]),
        displacement_cues=CueSet.of(data["displacement_cues"]),
        control_cues=CueSet.of(data["control_cues"]),
        territory_cues=CueSet.of(data["territory_cues"]),
        ratio_cues=CueSet.of(data.get("ratio_cues", [])),
        ratio_words=CueSet.of(data["ratio_words"]),
        estimate_cues=CueSet.of(data.get("estimate_cues", [])),
        relative_time_after=CueSet.of(data["relative_time_after"]),
        relative_time_before=CueSet.of(data["relative_time_before"]),
        credit_markers=tuple(m.lower() for m in data["credit_markers"]),
        furniture_start=_affix(data.get("furniture_starts", []), "^"),
        furniture_after=_affix(data.get("furniture_after", []), "^"),
        age_after=_affix(data.get("age_after", []), "^"),
        age_before=_affix(data.get("age_before", []), "$"),
        age_before_length=_longest(data.get("age_before", [])),
        label_words=frozenset(w.lower() for w in data.get("label_words", [])),
        back_references={
            kind: PhraseFinder.of(phrases) for kind, phrases in data["back_references"].items() if phrases
        },
        relative_days=RelativeDays.of(days),
        conjunctions=frozenset(c.lower() for c in data["conjunctions"]),
        one_words=frozenset(w.lower() for w in data["one_words"]),
        location_prepositions=frozenset(p.lower() for p in data["location_prepositions"]),
        of_words=frozenset(w.lower() for w in data.get("of_words", [])),
        city_words=frozenset(w.lower() for w in data.get("city_words", [])),
        time_units=CueSet.of(data.get("time_units", [])),
        relative_periods=CueSet.of(data.get("relative_period_words", [])),
        among=_affix(data.get("among_words", []), "$"),
        bare_count_links=frozenset(w.lower() for w in data.get("bare_count_links", [])),
        agent_prepositions=frozenset(w.lower() for w in data.get("agent_prepositions", [])),
        participle_endings=tuple(w.lower() for w in data.get("attributive_participle_endings", [])),
        army_references=PhraseFinder.of(data["army_references"]) if data.get("army_references") else None,
        since_pattern=_since_pattern(data.get("since_words", [])),
        state_words={gloss: CueSet.of(cues) for gloss, cues in data.get("state_words", {}).items()},
        ratio_suffixes=tuple(
            sorted({w.lower() for w in data.get("ratio_suffixes", [])}, key=len, reverse=True)
        ),
    )
