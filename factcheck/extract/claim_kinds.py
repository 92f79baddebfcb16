"""Decide whether a number mention is a claim, and if so its kind, unit and the thing it counts.

The number layer gives the value and, for measures, the unit (percent, km, km2, years, months, days).
Counts have no unit there: the noun next to the number says what is counted ("2 000 milismän",
"four other towns", "dozens of hills"), and cues in the sentence say what a percentage is a share of.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from factcheck.domain import Quantity
from factcheck.extract.claim_lexicon import ClaimLexicon
from factcheck.extract.claim_sentence import CLAUSE_BREAK, SentenceView
from factcheck.extract.claim_sentence import Word as _Word

_WORD = re.compile(r"\w[\w'’-]*")
_FORWARD_WORDS = 4
_BACKWARD_WORDS = 5
_CUE_WINDOW = 3
_PREDICATE_WORDS = 8
_TIME_UNITS = frozenset(
    {"days", "months", "years"}
)  # how far after "fighters" the verb of their own clause may come
_ESTIMATE_REACH = 80  # characters before the number in which "estimated" still hedges it
_AFTER_WORDS = _FORWARD_WORDS + 2  # the most words after a number that any test below looks at
_CLAUSE_REACH = 300  # a clause is looked for this far either side of a word; news clauses are shorter
_AGE_REACH = 100  # "âgé de", "Olena,": how far before a number an age marker may start

_MEASURE_KINDS: dict[str, tuple[str, str]] = {
    "km": ("distance", "km"),
    "km2": ("area", "km2"),
    "years": ("duration", "years"),
    "months": ("duration", "months"),
    "days": ("duration", "days"),
}

# What a counted noun is called in an English subject.
_PERSON_GLOSS: dict[str, str] = {
    "fighters": "fighters",
    "civilians": "civilians",
    "casualties": "people killed",
    "displaced": "displaced people",
}


@dataclass(frozen=True, slots=True)
class Classification:
    kind: str
    unit: str
    noun: str | None = None  # English gloss of what is counted, for the subject
    noun_start: int | None = None  # sentence-relative span of the counted noun
    noun_end: int | None = None
    noun_prefix: str | None = None  # "IS" in "IS-krigere": whose fighters


def classify(
    quantity: Quantity, view: SentenceView, sentence_start: int, lexicon: ClaimLexicon
) -> Classification | None:
    """The claim's kind and unit, or None when the number is not a claim."""
    sentence, lowered = view.text, view.lowered
    start = quantity.start - sentence_start
    end = quantity.end - sentence_start
    if _is_furniture(lowered, end, lexicon) or _is_age(lowered, start, end, lexicon, sentence):
        return None
    first_after = view.first_from(end)
    after = view.slice(first_after, first_after + _AFTER_WORDS)
    last_before = view.after_end(start)
    before = view.slice(max(0, last_before - _BACKWARD_WORDS), last_before)
    if _is_article_one(quantity) or _is_relative_period(quantity, after, before, lexicon):
        return None
    unit = quantity.unit
    if unit == "percent":
        return Classification(view.memo("share", _share_kind, view, lexicon), "percent")
    if unit in _MEASURE_KINDS:
        kind, unit_name = _MEASURE_KINDS[unit]
        if kind == "duration" and _is_relative_time(sentence, start, after, before, lexicon):
            return None
        return Classification(kind, unit_name)
    if unit is not None:
        return Classification("count", "count")
    if _is_ratio(quantity, sentence, end, after, lexicon):
        return Classification("ratio", "count")
    counted = _counted(sentence, start, end, after, before, view, lexicon)
    if _is_year(quantity) and not (after and counted.noun_start == after[0].start):
        return None
    if counted.noun is None and counted.kind == "count":
        if _is_label(sentence, start, quantity, before, lexicon):
            return None
        return _bare_count(sentence, start, end, after, view, lexicon) or counted
    return counted


def _is_furniture(lowered: str, end: int, lexicon: ClaimLexicon) -> bool:
    """Photo credits, read-more links, share counts, reading times: page furniture, not claims."""
    if lowered.startswith(lexicon.credit_markers):
        return True
    if lexicon.furniture_start is not None and lexicon.furniture_start.match(lowered):
        return True
    return lexicon.furniture_after is not None and bool(lexicon.furniture_after.match(lowered, end))


_NAME_AGE = re.compile(r"[A-ZÅÄÖÆØÉ][\w'’-]+,\s*$")


def _is_age(lowered: str, start: int, end: int, lexicon: ClaimLexicon, sentence: str = "") -> bool:
    """ "45 years old", "a 35-year-old man", "âgé de 35 ans", "Olena, 34,": a person's age is not a claim."""
    if lexicon.age_after is not None and lexicon.age_after.match(lowered, end):
        return True
    if (
        sentence[start:end].isdigit()
        and end - start <= 2
        and sentence[end : end + 1] in (",", ")")
        and _NAME_AGE.search(sentence, max(0, start - _AGE_REACH), start)
    ):
        return True
    if lexicon.age_before is None:
        return False
    floor = max(0, start - _AGE_REACH)
    if lexicon.age_before_length is not None:
        # The phrase ends where the white space before the number begins: searching from the farthest
        # place it can start finds the same match without trying every place of the reach.
        space_from = floor + len(lowered[floor:start].rstrip())
        floor = max(floor, space_from - lexicon.age_before_length)
    return bool(lexicon.age_before.search(lowered, floor, start))


def _is_label(
    sentence: str, start: int, quantity: Quantity, before: list[_Word], lexicon: ClaimLexicon
) -> bool:
    """ "Route 4", "resolution 2254", "Brigade 17": a number that names something rather than counts it."""
    if not quantity.text.isdigit() or not before or before[-1].end < start - 1:
        return False
    previous = before[-1]
    if previous.lower in lexicon.label_words:
        return True
    return previous.text[:1].isupper() and previous.start > 0 and not _is_acronym(previous.text)


def _is_article_one(quantity: Quantity) -> bool:
    """A written "one" without a unit is an article or "one of": "ett av Unescos världsarv", "one of the last"."""
    return (
        quantity.unit is None
        and quantity.value_low == 1
        and quantity.value_high == 1
        and not any(ch.isdigit() for ch in quantity.text)
    )


def _share_kind(view: SentenceView, lexicon: ClaimLexicon) -> str:
    """A percentage of ground held is a control share; of damage or of people ("80 % destroyed", "16 percent
    of hospitals", "60 % des réfugiés") a ratio, even when the sentence names a city or a country."""
    lowered, lowers = view.lowered, view.lowers
    if lexicon.control_cues.in_text(lowered, lowers):
        return "control_share"
    if lexicon.ratio_cues.in_text(lowered, lowers):
        return "ratio"
    return "control_share" if lexicon.territory_cues.in_text(lowered, lowers) else "ratio"


def _is_relative_period(
    quantity: Quantity, after: list[_Word], before: list[_Word], lexicon: ClaimLexicon
) -> bool:
    """ "i de senaste tre veckorna", "over the past three weeks", "au cours des trois dernières semaines",
    "in den vergangenen drei Wochen": a period counted back from the report's day places events in time."""
    if quantity.unit in _TIME_UNITS:
        unit_at: int | None = -1  # the number layer took the unit word into the mention ("tre dagene")
    else:
        unit_at = next((i for i, w in enumerate(after[:2]) if lexicon.time_units.matches_word(w.lower)), None)
    if unit_at is None:
        return False
    if before and lexicon.relative_periods.matches_word(before[-1].lower):
        return True
    if unit_at == 1 and lexicon.relative_periods.matches_word(after[0].lower):
        return True
    following = after[unit_at + 1] if unit_at + 1 < len(after) else None
    # "tre veckor sedan", "three weeks ago" when the number layer left the unit word out
    return following is not None and lexicon.relative_time_after.matches_word(following.lower)


def _is_year(quantity: Quantity) -> bool:
    """A bare four-digit number between 1900 and 2099 with nothing counted is a year ("Raqqa 2014")."""
    return (
        quantity.text.isdigit()
        and len(quantity.text) == 4
        and 1900 <= quantity.value_low <= 2099
        and quantity.value_low == quantity.value_high
    )


def _bare_count(
    sentence: str, start: int, end: int, after: list[_Word], view: SentenceView, lexicon: ClaimLexicon
) -> Classification | None:
    """A number with no noun of its own in a clause about the dead or the displaced counts people:
    "Over 7000 dræbt", "the death toll rose to 164", "forced tens of thousands to flee"."""
    following = after[0] if after and _same_clause(sentence, end, after[0].start) else None
    if following is not None and not (
        lexicon.casualty_cues.matches_word(following.lower)
        or lexicon.displacement_cues.matches_word(following.lower)
        or following.lower in lexicon.bare_count_links
    ):
        return None
    left, right = _clause_around(sentence, start, end)
    scope = view.lowers_within(left, right)
    text = sentence[left:right].lower()
    if lexicon.casualty_cues.in_text(text, scope):
        return Classification("casualties", "persons", _PERSON_GLOSS["casualties"])
    if lexicon.displacement_cues.in_text(text, scope):
        return Classification("displaced", "persons", _PERSON_GLOSS["displaced"])
    return None


def _is_relative_time(
    sentence: str, start: int, after: list[_Word], before: list[_Word], lexicon: ClaimLexicon
) -> bool:
    """ "tre år sedan", "three days ago", "vor drei Jahren", "il y a trois ans": placing, not measuring."""
    # The unit word follows the number ("tre år sedan"), so look one or two words on.
    for word in after[:2]:
        if lexicon.relative_time_after.matches_word(word.lower):
            return True
    tail = sentence[after[0].start : after[min(2, len(after) - 1)].end].lower() if after else ""
    if lexicon.relative_time_after.phrases is not None and lexicon.relative_time_after.phrases.search(tail):
        return True
    head = sentence[max(0, start - 12) : start].lower()
    if before and lexicon.relative_time_before.matches_word(before[-1].lower):
        return True
    return lexicon.relative_time_before.phrases is not None and bool(
        lexicon.relative_time_before.phrases.search(head)
    )


def _is_ratio(quantity: Quantity, sentence: str, end: int, after: list[_Word], lexicon: ClaimLexicon) -> bool:
    """ "five times the size", "fem gånger så stor", "dreimal", "5-fold"."""
    if _ratio_mention(quantity.text, lexicon):
        return True
    if sentence.startswith("-", end):
        first = _WORD.match(sentence, end + 1)
        return first is not None and lexicon.ratio_words.matches_word("-" + first.group().lower())
    return bool(after) and after[0].start - end <= 1 and lexicon.ratio_words.matches_word(after[0].lower)


# (lexicon language, mention text) -> whether the mention itself says a ratio: mentions recur ("30", "two").
_RATIO_MENTIONS: dict[tuple[str, str], bool] = {}


def _ratio_mention(text: str, lexicon: ClaimLexicon) -> bool:
    """Whether a word of the mention is a ratio word or a number word with a multiplier ending."""
    return _remembered(_RATIO_MENTIONS, (lexicon.language, text), lambda: _says_ratio(text, lexicon))


def _says_ratio(text: str, lexicon: ClaimLexicon) -> bool:
    return any(
        lexicon.ratio_words.matches_word(lowered) or _glued_multiplier(lowered, lexicon)
        for lowered in map(str.lower, _WORD.findall(text))
    )


def _glued_multiplier(word: str, lexicon: ClaimLexicon) -> bool:
    """ "fünfmal", "tenfold", "tiofaldigt", "firedoblet": a number word with a multiplier ending glued on."""
    return any(
        word.endswith(suffix) and word[: -len(suffix)].rstrip("-").isalpha()
        for suffix in lexicon.ratio_suffixes
    )


def _same_clause(sentence: str, a: int, b: int) -> bool:
    return CLAUSE_BREAK.search(sentence, a, b) is None


_PERSON_ORDER = ("fighters", "civilians", "casualties", "displaced", "persons")


# (lexicon language, word as written) -> its person kind: the same few words recur next to every number.
_PERSON_KINDS: dict[tuple[str, str], tuple[str, str | None] | None] = {}
# The memos of words are emptied when they grow past this: a stream of texts brings ever new words.
_WORD_MEMO_LIMIT = 50_000
_UNSEEN = object()
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


def _remembered(memo: dict[_Key, _Value], key: _Key, work_out: Callable[[], _Value]) -> _Value:
    """memo[key], worked out on first use; a memo that has grown past _WORD_MEMO_LIMIT starts afresh."""
    found = memo.get(key, _UNSEEN)
    if found is _UNSEEN:
        if len(memo) >= _WORD_MEMO_LIMIT:
            memo.clear()
        found = memo[key] = work_out()
    return found  # type: ignore[return-value]  # not _UNSEEN: a stored value


def _person_kind(word: _Word, lexicon: ClaimLexicon) -> tuple[str, str | None] | None:
    """The person kind a word names, and the acronym it is compounded with ("IS-krigere" -> IS)."""
    return _remembered(_PERSON_KINDS, (lexicon.language, word.text), lambda: _find_person_kind(word, lexicon))


def _find_person_kind(word: _Word, lexicon: ClaimLexicon) -> tuple[str, str | None] | None:
    parts = word.lower.split("-")
    prefix = word.text.split("-")[0] if len(parts) > 1 else None
    acronym = prefix if prefix and _is_acronym(prefix) else None
    candidates = (word.lower, parts[-1]) if len(parts) > 1 else (word.lower,)
    for candidate in candidates:
        for kind in _PERSON_ORDER:
            if lexicon.nouns[kind].matches_word(candidate):
                if kind == "persons" and acronym:
                    return "fighters", acronym  # "IS-män": the group's men are its fighters
                return kind, acronym
    if lexicon.compounds:
        # Germanic compounds put the counted noun last: "regeringssoldater", "Regierungssoldaten".
        for kind in _PERSON_ORDER:
            if lexicon.nouns[kind].matches_compound(parts[-1]):
                return kind, acronym
    return None


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# (lexicon language, lower-cased word) -> its thing: like _PERSON_KINDS, the same few words recur.
_THINGS: dict[tuple[str, str], tuple[str, str] | None] = {}


def _thing(word: _Word, lexicon: ClaimLexicon) -> tuple[str, str] | None:
    """("towns", "towns") or ("count", "hills") for a counted noun that is not a person."""
    return _remembered(_THINGS, (lexicon.language, word.lower), lambda: _find_thing(word.lower, lexicon))


def _find_thing(lower: str, lexicon: ClaimLexicon) -> tuple[str, str] | None:
    candidates = (lower, lower.split("-")[-1])
    for candidate in candidates:
        if lexicon.nouns["towns"].matches_word(candidate):
            return "towns", "towns"
        for gloss, cues in lexicon.things.items():
            if cues.matches_word(candidate):
                return "count", gloss
    if lexicon.compounds:
        tail = candidates[-1]
        if lexicon.nouns["towns"].matches_compound(tail):
            return "towns", "towns"
        for gloss, cues in lexicon.things.items():
            if cues.matches_compound(tail):
                return "count", gloss
    return None


def _counted(
    sentence: str,
    start: int,
    end: int,
    after: list[_Word],
    before: list[_Word],
    view: SentenceView,
    lexicon: ClaimLexicon,
) -> Classification:
    for word in after[:_FORWARD_WORDS]:
        if not _same_clause(sentence, end, word.start) or word.text[0].isdigit():
            break  # another clause, or another number that the noun belongs to
        person = _person_kind(word, lexicon)
        if person is not None:
            return _people(person, word, view, lexicon)
        thing = _thing(word, lexicon)
        if thing is not None:
            unit, gloss = thing
            return Classification("count", unit, gloss, word.start, word.end)
    # The noun can come first: "sina resterande krigare, mellan 5 000 och 10 000 till antalet".
    for word in reversed(before[-_BACKWARD_WORDS:]):
        person = _person_kind(word, lexicon)
        if person is not None:
            return _people(person, word, view, lexicon)
    return Classification("count", "count")


def _clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``, looked for no further than _CLAUSE_REACH either side."""
    floor = max(0, start - _CLAUSE_REACH)
    ceiling = min(len(sentence), end + _CLAUSE_REACH)
    left = floor - 1
    for match in CLAUSE_BREAK.finditer(sentence, floor, start):
        left = match.start()
    right = CLAUSE_BREAK.search(sentence, end, ceiling)
    return left + 1, right.start() if right is not None else ceiling


def _people(
    person: tuple[str, str | None], noun: _Word, view: SentenceView, lexicon: ClaimLexicon
) -> Classification:
    """People counted: what happened to them decides the kind ("30 people have been killed")."""
    kind, prefix = person
    if kind == "fighters":
        # Fighters stay fighters unless the killing is said right next to them ("killed 30 IS fighters"), or
        # is what the fighters' own clause says of them ("1 500 combattants ... ont été tués").
        sentence = view.text
        index = view.index_of(noun)
        near = view.slice(max(0, index - _CUE_WINDOW - 1), index + _CUE_WINDOW)
        _, right = _clause_around(sentence, noun.start, noun.end)
        near += [w for w in view.slice(index + _CUE_WINDOW, index + _PREDICATE_WORDS) if w.end <= right]
        scope = [w.lower for w in near]
        text = sentence[near[0].start : near[-1].end].lower()
    else:
        sentence = view.text
        left, right = _clause_around(sentence, noun.start, noun.end)
        scope = view.lowers_within(left, right)
        text = sentence[left:right].lower()
    if kind != "casualties" and lexicon.casualty_cues.in_text(text, scope):
        kind = "casualties"
    elif kind in ("civilians", "persons") and lexicon.displacement_cues.in_text(text, scope):
        kind = "displaced"
    if kind == "persons":
        kind = "civilians"
    return Classification(kind, "persons", _PERSON_GLOSS[kind], noun.start, noun.end, prefix)


def is_estimate(quantity: Quantity, sentence_start: int, lexicon: ClaimLexicon, view: SentenceView) -> bool:
    """ "har tidligere anslått at det var et sted mellom 2500 og 3500": an estimate is approximate."""
    start = quantity.start - sentence_start
    cues: list[tuple[int, int]] = view.memo("estimates", _estimate_spans, view, lexicon)
    # The cue words do not overlap, so the first one starting in reach is the one that may end in time.
    index = bisect_left(cues, (start - _ESTIMATE_REACH, -1))
    return index < len(cues) and cues[index][1] <= start


def _estimate_spans(view: SentenceView, lexicon: ClaimLexicon) -> list[tuple[int, int]]:
    return [view.span(index) for index in lexicon.estimate_cues.matching(view.lowers)]
