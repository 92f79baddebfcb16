"""Number words: a phrase of number morphemes ("tvåhundratusen", "twenty-five", "quatre-vingt-dix",
"fünfundzwanzig", "dos millones y medio", "en tredjedel", "hundratusentals") read into values.

One matched phrase may hold several numbers ("two or three" is matched as "two", "three" around a joiner that
is not a number word; "fem sex" as two numbers): a morpheme that cannot grow the current number starts the
next one.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.extract.numbers.atoms import DIGITS, WORDS, Atom
from factcheck.extract.numbers.lexicon import (
    APPROX,
    ART,
    FRAC,
    MULT,
    NUM,
    POINT,
    VAGUE,
    Morpheme,
    NumberLexicon,
)
from factcheck.extract.numbers.patterns import SPACE_CHARS, normalise

# Joiner classes between two morphemes.
GLUED = "glued"  # nothing between: "tjugo|fem"
COMPOUND = "compound"  # "fünf|und|zwanzig", "fem|og|tyve"
GAP = "gap"  # space or hyphen
WORD = "word"  # "and", "och", "y", "et"
HALF = "half"


@dataclass(slots=True, init=False)  # __init__ written out: mypyc compiles it, not dataclass's generated one
class _Token:
    kind: str  # a morpheme kind, or HALF
    value: float
    start: int
    end: int
    joiner: str
    morpheme: Morpheme | None
    digits: bool  # a number written in digits inside a phrase ("3 hundra 21", "1,5 miljoner")
    grouped: bool

    def __init__(
        self,
        kind: str,
        value: float,
        start: int,
        end: int,
        joiner: str,
        morpheme: Morpheme | None = None,
        digits: bool = False,
        grouped: bool = False,
    ) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.joiner = joiner
        self.morpheme = morpheme
        self.digits = digits
        self.grouped = grouped


def vague_range(unit: float) -> tuple[float, float]:
    """Twice the unit named up to just short of the next order of magnitude: hundreds -> 200..999."""
    high = 10 ** (math.floor(math.log10(unit)) + 1) - 1
    return 2 * unit, float(high)


class _Builder:
    """One number being read. Amounts under the large multipliers are kept apart ("big") so that a larger
    multiplier can scale what came before it ("mil millones", "tusen miljoner")."""

    __slots__ = (
        "approx",
        "article_only",
        "big",
        "cur",
        "dec_value",
        "dec_zeros",
        "end",
        "first_digits",
        "frac",
        "frac_needs_mult",
        "last",
        "last_digits",
        "last_value",
        "mixed",
        "multiplier",
        "pending",
        "plural_alone",
        "point",
        "start",
        "vague",
    )

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.big: list[tuple[float, float]] = []  # (multiplier, amount) from the largest down
        self.cur = 0.0
        self.last = NUM
        self.last_value = 0.0
        self.article_only = False
        self.frac: float | None = None
        self.frac_needs_mult = False
        self.vague: tuple[float, float] | None = None
        self.plural_alone = 0.0
        self.approx = False
        self.multiplier = 1.0
        self.pending: _Token | None = None  # a token kept aside until the next one shows what it is
        self.mixed: tuple[float, float] | None = None  # (whole, numerator) of "tre och tre femtedelar"
        self.point: float | None = None  # the whole part once a decimal word was read
        self.dec_value = 0.0
        self.dec_zeros = 0
        self.last_digits = False
        self.first_digits: _Token | None = None

    @property
    def closed(self) -> bool:
        return self.vague is not None or self.plural_alone > 0 or (self.approx and self.last == APPROX)

    @property
    def total(self) -> float:
        return sum(amount for _, amount in self.big)

    @property
    def last_big(self) -> float:
        return self.big[-1][0] if self.big else math.inf

    def value(self) -> float:
        whole = self.total + self.cur
        if self.point is not None:
            if self.dec_value or self.dec_zeros:
                digits = "0" * self.dec_zeros + (str(int(self.dec_value)) if self.dec_value else "")
                return self.point + float("0." + digits)
            return self.point
        return whole

    def scale(self, multiplier: float) -> bool:
        """Apply a multiplier of 1000 or more; False when the grammar does not allow it here."""
        if multiplier < self.last_big:
            self.big.append((multiplier, (self.cur or 1.0) * multiplier))
        elif self.cur > 0 or (self.big and self.last == MULT):
            # A larger multiplier scales everything written since the last still larger one.
            kept = [(m, a) for m, a in self.big if m > multiplier]
            lower = sum(a for m, a in self.big if m < multiplier) + self.cur
            if any(m == multiplier for m, _ in self.big) or lower <= 0:
                return False
            self.big = [*kept, (multiplier, lower * multiplier)]
        else:
            return False
        self.cur = 0.0
        return True


def _start(token: _Token) -> _Builder | None:
    b = _Builder(token.start, token.end)
    m = token.morpheme
    if token.kind == NUM:
        b.cur = token.value
        b.last_value = token.value
        b.last_digits = token.digits
        b.first_digits = token if token.digits else None
    elif token.kind == ART:
        b.cur = 1.0
        b.last = ART
        b.last_value = 1.0
        b.article_only = True
    elif token.kind == MULT:
        if m is not None and m.plural:
            b.plural_alone = token.value
        elif token.value < 1000:
            b.cur = token.value
        else:
            b.scale(token.value)
        b.last = MULT
        b.multiplier = token.value
    elif token.kind == FRAC:
        b.frac = token.value
        b.frac_needs_mult = not (m is not None and m.standalone)
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
    mixed, b.mixed = b.mixed, None
    if b.frac is not None:
        return _extend_fraction(b, t)
    if b.point is not None:
        return _extend_decimal(b, t, lexicon)
    if b.pending is not None:
        # "three and a | fifth": only a fraction may follow the kept article.
        if t.kind == FRAC and mixed is not None:
            return _mixed(b, mixed, t)
        return False
    kind = t.kind
    v = t.value
    after_digits, b.last_digits = b.last_digits, False
    if kind == NUM and (t.digits or after_digits) and b.last != MULT:
        # Digits join words only through a multiplier: "3 hundra 21", never "20 fem" or "tjugo 5".
        b.last_digits = after_digits
        return False
    if kind == MULT and after_digits and v < 1000:
        b.cur *= v  # "322 hundra", "2,12 hundra"
        b.last = MULT
        b.multiplier = max(b.multiplier, v)
        b.end = t.end
        return True
    if kind == POINT:
        if b.article_only or b.last not in (NUM, MULT, ART):
            return False
        b.pending = t
        b.point = b.total + b.cur
        b.big = []
        b.cur = 0.0
        return True
    if (
        kind == ART
        and t.joiner == WORD
        and b.last in (NUM, MULT, ART)
        and not (t.morpheme is not None and t.morpheme.addend and _addable(b, 1.0, lexicon))
    ):
        # "three and a fifth": keep the article aside until the fraction shows up.
        b.pending = t
        b.mixed = (b.value(), 1.0)
        return True
    if kind in (NUM, ART):
        if kind == ART and not (
            t.joiner in (GLUED, COMPOUND) or (t.morpheme is not None and t.morpheme.addend)
        ):
            return False
        base = b.value()
        if t.joiner == COMPOUND:
            if not (b.last in (NUM, ART) and 1 <= b.last_value <= 9 and 20 <= v <= 90 and v % 10 == 0):
                return False
            b.cur += v
        elif b.article_only or b.last == APPROX:
            return False
        elif b.cur == 0 and b.big:
            if not v < b.last_big:
                return False
            b.cur = v
        elif _addable(b, v, lexicon):
            b.cur += v
        else:
            return False
        if t.joiner == WORD:
            b.mixed = (base, v)
        b.last = kind
        b.last_value = v
        b.last_digits = t.digits
        b.article_only = False
    elif kind == MULT:
        if v < 1000:
            if b.cur >= 100 or (b.cur == 0 and not b.big) or b.point is not None:
                return False
            b.cur = (b.cur or 1.0) * v
        elif not b.scale(v):
            return False
        b.last = MULT
        b.multiplier = max(b.multiplier, v)
        b.article_only = False
    elif kind == FRAC:
        if mixed is not None:
            return _mixed(b, mixed, t)
        if b.big or b.cur <= 0 or b.last not in (NUM, ART) or t.joiner == WORD or b.cur > 100:
            return False
        b.frac = b.cur * v
        b.cur = 0.0
        b.last = FRAC
        b.article_only = False
    elif kind == HALF:
        if b.last not in (NUM, MULT, ART) or (b.cur == 0 and not b.big):
            return False
        if b.last == MULT and b.cur == 0 and b.big:
            b.big[-1] = (b.big[-1][0], b.big[-1][1] + v * b.big[-1][0])
        else:
            b.cur += v
        b.last = NUM
        b.last_value = 0.0
        b.article_only = False
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


def _addable(b: _Builder, v: float, lexicon: NumberLexicon) -> bool:
    """May ``v`` be added to the number so far ("twenty" + "five", "hundred" + "twelve", "soixante" + "onze")?"""
    cur = b.cur
    if cur == 0 or b.last not in (NUM, MULT, ART) or v != int(v) or cur != int(cur) or v >= 1000 or cur <= v:
        return False
    if cur % 10 ** len(str(int(v))) == 0:
        return not (cur % 100 == 10 and not lexicon.vigesimal_tens)
    return v < 20 and int(cur) % 100 in lexicon.vigesimal_tens


def _mixed(b: _Builder, mixed: tuple[float, float], t: _Token) -> bool:
    """A whole number and a fraction: "tjugo och tre femtedelar" = 20.6, "three and a fifth" = 3.2."""
    whole, numerator = mixed
    b.big = []
    b.point = None
    b.cur = whole + numerator * t.value
    b.pending = None
    b.article_only = False
    b.last = NUM
    b.last_value = 0.0
    b.end = t.end
    return True


def _extend_fraction(b: _Builder, t: _Token) -> bool:
    if t.kind == ART and b.pending is None and t.joiner in (GAP, WORD):
        b.pending = t  # "half a million": the article waits for its multiplier
        return True
    if t.kind == MULT:
        amount = b.frac * t.value if b.frac is not None else 0.0
        b.frac = None
        b.frac_needs_mult = False
        b.pending = None
        b.last = MULT
        b.multiplier = t.value
        if t.value >= 1000:
            b.big = [(t.value, amount)]
        else:
            b.cur = amount
        b.end = t.end
        return True
    return False


def _extend_decimal(b: _Builder, t: _Token, lexicon: NumberLexicon) -> bool:
    """Digits after "komma"/"point": "fem komma fem" = 5.5, "two hundred point zero three" = 200.03."""
    if t.kind == FRAC and b.last == NUM and b.point is not None and b.dec_value and not b.dec_zeros:
        # Spanish "ciento tres con dos tercios": "con" joins a whole and a fraction.
        b.cur = b.point + b.dec_value * t.value
        b.point = None
        b.dec_value = 0.0
        b.last = NUM
        b.end = t.end
        return True
    if t.kind not in (NUM, ART) or (t.kind == ART and b.pending is None):
        return False
    v = t.value
    if v == 0 and not b.dec_value:
        b.dec_zeros += 1
    elif not b.dec_value:
        b.dec_value = v
    elif (
        (v < 10 and b.dec_value % 10 == 0 and b.dec_value >= 20)
        or (v < 100 and b.dec_value % 100 == 0)
        or (v < 20 and int(b.dec_value) % 100 in lexicon.vigesimal_tens)
    ):
        b.dec_value += v
    else:
        b.dec_value = b.dec_value * 10 ** len(str(int(v))) + v
    b.pending = None
    b.last = NUM
    b.last_value = v
    b.end = t.end
    return True


def _finish(b: _Builder, out: list[Atom]) -> None:
    if b.article_only:
        return
    if b.vague is not None:
        out.append(Atom(b.start, b.end, b.vague[0], b.vague[1], WORDS, vague=True, noun=True))
        return
    if b.plural_alone:
        low, high = vague_range(b.plural_alone)
        out.append(Atom(b.start, b.end, low, high, WORDS, vague=True, multiplier=b.plural_alone, noun=True))
        return
    if b.frac is not None:
        if b.frac_needs_mult:
            return
        share = b.frac * 100.0
        out.append(Atom(b.start, b.end, share, share, WORDS, unit="percent"))
        return
    value = b.value()
    first = b.first_digits
    source = DIGITS if first is not None else WORDS
    grouped = first is not None and (first.grouped or b.end > first.end)
    out.append(
        Atom(
            b.start,
            b.end,
            value,
            value,
            source,
            approximate=b.approx,
            multiplier=b.multiplier,
            grouped=grouped,
            noun=b.last in (APPROX, MULT),
        )
    )


def _tokens(text: str, start: int, end: int, lexicon: NumberLexicon) -> list[_Token]:
    tokens: list[_Token] = []
    joiner = GLUED
    covered = start
    for match in lexicon.phrase_tokens.finditer(text, start, end):
        if match.start() > covered:
            # The longest-first scan cut a compound wrongly ("eine|inhalb"): split word by word instead.
            return _tokens_by_word(text, start, end, lexicon)
        covered = match.end()
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
    if tokens and tokens[-1].end < len(text) and _is_letter(text[tokens[-1].end]):
        tokens = _retokenise_last_word(text, tokens, lexicon)
    return tokens


# No language writes a number word longer than this ("tvåhundrasjuttiofemtusen" has 24 letters).
_MAX_WORD = 80
_LONG_WORD = re.compile(rf"[^\W\d_]{{{_MAX_WORD + 1},}}")


def phrase_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the phrase text[start:end] outside words too long to be numbers ("aaaa…", "tiotiotio…").

    Such a word is no number, and reading it morpheme by morpheme would cost Python time per letter.
    """
    if end - start <= _MAX_WORD:
        return [(start, end)]
    parts = []
    position = start
    for word in _LONG_WORD.finditer(text, start, end):
        if word.start() > position:
            parts.append((position, word.start()))
        position = word.end()
    if position < end:
        parts.append((position, end))
    return parts


def _retokenise_last_word(text: str, tokens: list[_Token], lexicon: NumberLexicon) -> list[_Token]:
    """The longest-first scan may cut a compound wrongly ("hunderte|intausend" for "hundert|eintausend"):
    split the last word again by dynamic programming; a word that does not split wholly into number parts
    is no number ("ten" in "tenants", "tjugo|fem" in "tjugofemte")."""
    word_start = tokens[-1].start
    # A word that began before the phrase is no number whatever its length: no need to walk back further.
    floor = max(0, tokens[0].start - 1)
    while word_start > floor and _is_letter(text[word_start - 1]):
        word_start -= 1
    word_end = tokens[-1].end
    while word_end < len(text) and _is_letter(text[word_end]) and word_end - word_start <= _MAX_WORD:
        word_end += 1
    kept = [t for t in tokens if t.end <= word_start]
    if word_end - word_start > _MAX_WORD or word_start < tokens[0].start:
        return kept
    pieces = _split_word(text[word_start:word_end].lower(), lexicon)
    if pieces is None:
        return kept
    joiner = tokens[len(kept)].joiner if len(kept) < len(tokens) else GLUED
    position = word_start
    for piece in pieces:
        piece_end = position + len(piece)
        if piece_end == word_end and kept and piece in lexicon.multiplicative_suffixes:
            kept[-1].end = piece_end  # "fünfmal", "tenfold": the number takes its suffix
        elif piece in lexicon.compound_joiners:
            joiner = COMPOUND
        elif piece in lexicon.half_additions:
            kept.append(_Token(HALF, lexicon.half_additions[piece], position, piece_end, joiner))
            joiner = GLUED
        else:
            morpheme = lexicon.morphemes[piece]
            kept.append(_Token(morpheme.kind, morpheme.value, position, piece_end, joiner, morpheme))
            joiner = GLUED
        position = piece_end
    return kept


_WORDS_AND_GAPS = re.compile(r"([^\W\d_]+)|([\W_]+)")


def _tokens_by_word(text: str, start: int, end: int, lexicon: NumberLexicon) -> list[_Token]:
    tokens: list[_Token] = []
    joiner = GLUED
    for match in _WORDS_AND_GAPS.finditer(text, start, end):
        if match.group(2) is not None:
            if joiner != WORD:
                joiner = GAP
            continue
        word = match.group(1).lower()
        if word in lexicon.word_joiners:
            joiner = WORD
            continue
        pieces = _split_word(word, lexicon)
        if pieces is None:
            break
        position = match.start()
        for piece in pieces:
            piece_end = position + len(piece)
            if piece_end == match.end() and tokens and piece in lexicon.multiplicative_suffixes:
                tokens[-1].end = piece_end
            elif piece in lexicon.compound_joiners:
                joiner = COMPOUND
            elif piece in lexicon.half_additions:
                tokens.append(_Token(HALF, lexicon.half_additions[piece], position, piece_end, joiner))
                joiner = GLUED
            else:
                morpheme = lexicon.morphemes[piece]
                tokens.append(_Token(morpheme.kind, morpheme.value, position, piece_end, joiner, morpheme))
                joiner = GLUED
            position = piece_end
    if tokens and tokens[-1].end < len(text) and _is_letter(text[tokens[-1].end]):
        tokens = _retokenise_last_word(text, tokens, lexicon)
    return tokens


def _split_word(word: str, lexicon: NumberLexicon) -> list[str] | None:
    """Fewest pieces (morphemes, glued half additions, compound joiners, and last a multiplicative suffix
    such as "mal" or "fold") that make up ``word``, or None."""
    size = len(word)
    best: list[list[str] | None] = [None] * (size + 1)
    best[0] = []
    suffixes = lexicon.multiplicative_suffixes
    for i in range(size):
        if best[i] is None:
            continue
        for j in range(size, i, -1):
            piece = word[i:j]
            if (
                piece in lexicon.morphemes
                or piece in lexicon.half_additions
                or piece in lexicon.compound_joiners
                or (j == size and i > 0 and piece in suffixes)
            ):
                candidate = [*best[i], piece]  # type: ignore[misc]
                if best[j] is None or len(candidate) < len(best[j]):  # type: ignore[arg-type]
                    best[j] = candidate
    result = best[size]
    if not result or result[-1] in lexicon.compound_joiners:
        return None
    if len(result) > 1 and result[-1] in suffixes and result[-2] in lexicon.compound_joiners:
        return None
    return result


def _is_letter(char: str) -> bool:
    return char.isalpha()


def word_tokens(text: str, start: int, end: int, lexicon: NumberLexicon) -> list[_Token]:
    """The number parts of the phrase text[start:end], each with the joiner before it."""
    return _tokens(text, start, end, lexicon)


def digit_token(value: float, start: int, end: int, joiner: str, grouped: bool) -> _Token:
    return _Token(NUM, value, start, end, joiner, digits=True, grouped=grouped)


def parse_tokens(tokens: list[_Token], lexicon: NumberLexicon) -> list[Atom]:
    """Numbers in a run of number parts: a part that cannot grow the current number starts the next one."""
    out: list[Atom] = []
    b: _Builder | None = None
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            b is not None
            and token.kind == NUM
            and token.joiner == WORD
            and following is not None
            and following.kind == MULT
            and following.joiner != WORD
            and b.multiplier > 1
            and following.value == b.multiplier
        ):
            # "3 hundra och 2 hundra": the second multiplier starts a number of its own.
            _finish(b, out)
            b = None
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
    return out


def parse_phrase(text: str, start: int, end: int, lexicon: NumberLexicon) -> list[Atom]:
    """Numbers in the word phrase text[start:end]."""
    return parse_tokens(_tokens(text, start, end, lexicon), lexicon)
