"""Number words: a phrase of number morphemes ("tvåhundratusen", "twenty-five", "quatre-vingt-dix",
"fünfundzwanzig", "dos millones y medio", "en tredjedel", "hundratusentals") read into values.

One matched phrase may hold several numbers ("two or three" is matched as "two", "three" around a joiner that
is not a number word; "fem sex" as two numbers): a morpheme that cannot grow the current number starts the
next one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.extract.numbers.atoms import WORDS, Atom
from factcheck.extract.numbers.lexicon import APPROX, ART, FRAC, MULT, NUM, VAGUE, Morpheme, NumberLexicon
from factcheck.extract.numbers.patterns import SPACE_CHARS, normalise

# Joiner classes between two morphemes.
GLUED = "glued"  # nothing between: "tjugo|fem"
COMPOUND = "compound"  # "fünf|und|zwanzig", "fem|og|tyve"
GAP = "gap"  # space or hyphen
WORD = "word"  # "and", "och", "y", "et"
HALF = "half"


@dataclass(slots=True)
class _Token:
    kind: str  # a morpheme kind, or HALF
    value: float
    start: int
    end: int
    joiner: str
    morpheme: Morpheme | None = None


def vague_range(unit: float) -> tuple[float, float]:
    """Twice the unit named up to just short of the next order of magnitude: hundreds -> 200..999."""
    high = 10 ** (math.floor(math.log10(unit)) + 1) - 1
    return 2 * unit, float(high)


class _Builder:
    __slots__ = (
        "approx",
        "article_only",
        "cur",
        "end",
        "frac",
        "frac_needs_mult",
        "last",
        "last_big",
        "last_value",
        "multiplier",
        "pending",
        "plural_alone",
        "start",
        "total",
        "vague",
    )

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.total = 0.0
        self.cur = 0.0
        self.last = NUM
        self.last_value = 0.0
        self.last_big = math.inf
        self.article_only = False
        self.frac: float | None = None
        self.frac_needs_mult = False
        self.vague: tuple[float, float] | None = None
        self.plural_alone = 0.0
        self.approx = False
        self.multiplier = 1.0
        self.pending: _Token | None = None  # an article after a fraction, kept until a multiplier follows

    @property
    def closed(self) -> bool:
        return self.vague is not None or self.plural_alone > 0 or (self.approx and self.last == APPROX)


def _start(token: _Token, seed: float | None = None) -> _Builder | None:
    b = _Builder(token.start, token.end)
    m = token.morpheme
    if token.kind == NUM:
        b.cur = token.value
        b.last_value = token.value
    elif token.kind == ART:
        b.cur = 1.0
        b.last = ART
        b.last_value = 1.0
        b.article_only = True
    elif token.kind == MULT:
        if seed is not None:
            if token.value < 1000:
                b.cur = seed * token.value
            else:
                b.total = seed * token.value
                b.last_big = token.value
        elif m is not None and m.plural:
            b.plural_alone = token.value
        elif token.value < 1000:
            b.cur = token.value
        else:
            b.total = token.value
            b.last_big = token.value
        b.last = MULT
        b.multiplier = token.value
    elif token.kind == FRAC:
        if m is not None and m.standalone:
            b.frac = token.value
        else:
            b.frac = token.value
            b.frac_needs_mult = True
        b.last = FRAC
    elif token.kind == APPROX:
        b.cur = token.value
        b.approx = True
        b.last = APPROX
    elif token.kind == VAGUE:
        b.vague = vague_range(token.value)
        b.last = VAGUE
    else:
        return None
    return b


def _extend(b: _Builder, t: _Token, lexicon: NumberLexicon) -> bool:
    """Grow the number in ``b`` by ``t`` when the language's grammar allows it."""
    if b.closed:
        return False
    if b.frac is not None:
        if t.kind == ART and b.pending is None and t.joiner in (GAP, WORD):
            b.pending = t
            return True
        if t.kind == MULT and t.value >= 1000:
            b.total = b.frac * t.value
            b.frac = None
            b.frac_needs_mult = False
            b.pending = None
            b.last = MULT
            b.last_big = t.value
            b.multiplier = t.value
            b.end = t.end
            return True
        return False
    kind = t.kind
    v = t.value
    if kind in (NUM, ART):
        if kind == ART and t.joiner not in (GLUED, COMPOUND):
            return False
        cur = b.cur
        if (
            t.joiner == COMPOUND
            and b.last in (NUM, ART)
            and 1 <= b.last_value <= 9
            and 20 <= v <= 90
            and v % 10 == 0
        ):
            b.cur = cur + v
        elif t.joiner == COMPOUND or b.article_only or b.last == APPROX:
            return False
        elif cur == 0:
            if not v < b.last_big:
                return False
            b.cur = v
        elif v < 1000 and v == int(v) and cur == int(cur) and cur > v and cur % 10 ** len(str(int(v))) == 0:
            if cur % 100 == 10 and not lexicon.vigesimal_tens:
                return False
            b.cur = cur + v
        elif v < 20 and cur == int(cur) and int(cur) % 100 in lexicon.vigesimal_tens:
            b.cur = cur + v
        else:
            return False
        b.last = kind
        b.last_value = v
        b.article_only = False
    elif kind == MULT:
        if t.value < 1000:
            if b.cur >= 100 or (b.cur == 0 and b.total == 0):
                return False
            b.cur = (b.cur or 1.0) * v
        elif v < b.last_big:
            b.total += (b.cur or 1.0) * v
            b.cur = 0.0
            b.last_big = v
        elif b.cur == 0 and b.last == MULT and b.total > 0:
            b.total *= v
            b.last_big = v
        else:
            return False
        b.last = MULT
        b.multiplier = max(b.multiplier, v)
        b.article_only = False
    elif kind == FRAC:
        if b.total != 0 or b.cur <= 0 or b.last not in (NUM, ART) or t.joiner == WORD or b.cur > 100:
            return False
        b.frac = b.cur * v
        b.cur = 0.0
        b.last = FRAC
        b.article_only = False
    elif kind == HALF:
        if b.article_only or b.last not in (NUM, MULT) or (b.cur == 0 and b.total == 0):
            return False
        if b.last == MULT and b.cur == 0 and b.last_big != math.inf:
            b.total += v * b.last_big
        else:
            b.cur += v
        b.last = NUM
        b.last_value = 0.0
    elif kind == APPROX:
        if not b.article_only:
            return False
        b.cur = v
        b.approx = True
        b.article_only = False
        b.last = APPROX
    else:
        return False
    b.end = t.end
    return True


def _finish(b: _Builder, out: list[Atom]) -> None:
    if b.article_only:
        return
    if b.vague is not None:
        out.append(Atom(b.start, b.end, b.vague[0], b.vague[1], WORDS, vague=True))
        return
    if b.plural_alone:
        low, high = vague_range(b.plural_alone)
        out.append(Atom(b.start, b.end, low, high, WORDS, vague=True, multiplier=b.plural_alone))
        return
    if b.frac is not None:
        if b.frac_needs_mult:
            return
        share = b.frac * 100.0
        out.append(Atom(b.start, b.end, share, share, WORDS, unit="percent"))
        return
    value = b.total + b.cur
    out.append(Atom(b.start, b.end, value, value, WORDS, approximate=b.approx, multiplier=b.multiplier))


def _tokens(text: str, start: int, end: int, lexicon: NumberLexicon) -> list[_Token]:
    tokens: list[_Token] = []
    joiner = GLUED
    for match in lexicon.phrase_tokens.finditer(text, start, end):
        group = match.lastgroup
        if group == "j":
            raw = match.group()
            if raw.strip(SPACE_CHARS + "\t") == raw and normalise(raw) in lexicon.compound_joiners:
                joiner = COMPOUND
            elif normalise(raw) in ("", "-") or not raw.strip(SPACE_CHARS + "\t-\u2010\u2011"):
                joiner = GAP
            else:
                joiner = WORD
            continue
        if group == "h":
            value = lexicon.half_additions.get(normalise(match.group()), 0.5)
            tokens.append(_Token(HALF, value, match.start(), match.end(), joiner))
        else:
            morpheme = lexicon.morphemes.get(normalise(match.group()))
            if morpheme is None:
                joiner = GAP
                continue
            tokens.append(_Token(morpheme.kind, morpheme.value, match.start(), match.end(), joiner, morpheme))
        joiner = GLUED
    # The phrase must end where a word ends: "ten" in "tenants" is no number.
    while tokens and tokens[-1].end < len(text) and _is_letter(text[tokens[-1].end]):
        tokens.pop()
    return tokens


def _is_letter(char: str) -> bool:
    return char.isalpha()


def parse_phrase(
    text: str, start: int, end: int, lexicon: NumberLexicon, seed: float | None = None
) -> tuple[list[Atom], bool]:
    """Numbers in the phrase text[start:end]; with ``seed`` (digits just before the phrase), the first
    multiplier word scales it ("1,5 miljoner"). Returns the atoms and whether the seed was used."""
    tokens = _tokens(text, start, end, lexicon)
    out: list[Atom] = []
    seeded = False
    b: _Builder | None = None
    for index, token in enumerate(tokens):
        if index == 0 and seed is not None and token.kind == MULT:
            b = _start(token, seed)
            seeded = True
            continue
        if b is not None and _extend(b, token, lexicon):
            continue
        if b is not None:
            pending = b.pending
            _finish(b, out)
            b = None
            if pending is not None:
                b = _start(pending)
                if b is not None and _extend(b, token, lexicon):
                    continue
                if b is not None:
                    _finish(b, out)
                    b = None
        b = _start(token)
    if b is not None:
        _finish(b, out)
    return out, seeded
