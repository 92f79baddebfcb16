"""Assembly of number mentions: digits and number words, then units, ranges, hedges and bounds around them."""

from __future__ import annotations

import math
import re

from factcheck.extract.numbers.atoms import DIGITS, WORDS, Atom
from factcheck.extract.numbers.dates import date_spans
from factcheck.extract.numbers.digits import split_digit_run
from factcheck.extract.numbers.lexicon import NumberLexicon, ascii_variant
from factcheck.extract.numbers.patterns import SPACE_CHARS, can_end, may_end_in, normalise
from factcheck.extract.numbers.words import (
    GAP,
    WORD,
    _Token,
    digit_token,
    parse_tokens,
    phrase_parts,
    vague_range,
    word_tokens,
)

_SPACE_SET = frozenset(SPACE_CHARS + "\t")
_SPACE_STRIP = SPACE_CHARS + "\t"
_BOUND_KINDS = ("more", "less")
_SHARE_KINDS = ("about", "more", "less")
_UNIT_WORD = re.compile(r"(?P<s>[ \u00a0\u202f]?)(?P<u>[^\W\d_]{1,12}\.?|°[CF]|[%$€£])(?=\s)")
_MINUS = "-\u2212\u2013"
_BEFORE_MINUS = " \t\n([=:$€£<>≤≥"
_DIGIT_RUN = (False,)  # the is_words flag of a digit run in ``number_runs``


def scan(text: str, lexicon: NumberLexicon) -> list[Atom]:
    """Digit numbers and number-word numbers in text order, multipliers applied, not yet combined.

    Digits and number words next to each other are read together ("1,5 miljoner", "3 hundred and 21").
    """
    atoms: list[Atom] = []
    # Number parts that may still make one number with what follows; it always holds number words. A number
    # in digits that no words precede goes straight to ``atoms`` ("loose"): digits never join digits, so only
    # the last of them may still open a chain, and it is taken back when number words follow it.
    chain: list[_Token] = []
    loose = False
    chain_end = -1

    def flush() -> None:
        nonlocal chain
        atoms.extend(parse_tokens(chain, lexicon))
        chain = []

    decimal_mark = lexicon.decimal_mark
    ordinal_first = lexicon.ordinal_first
    ordinal_match = lexicon.ordinal_re.match
    suffix_first = lexicon.suffix_first
    spaced_suffix_first = lexicon.spaced_suffix_first
    for run_start, run_end, is_words in number_runs(text, lexicon):
        if is_words:
            for part_start, part_end in phrase_parts(text, run_start, run_end):
                tokens = word_tokens(text, part_start, part_end, lexicon)
                if not tokens:
                    continue
                joiner = _chain_joiner(text, chain_end, tokens[0].start, lexicon) if chain or loose else None
                if joiner is None:
                    if chain:
                        flush()
                else:
                    tokens[0].joiner = joiner
                    if loose:
                        last = atoms.pop()
                        chain = [digit_token(last.low, last.start, last.end, GAP, last.grouped)]
                loose = False
                chain.extend(tokens)
                chain_end = tokens[-1].end
            continue
        run = text[run_start:run_end]
        # Most runs are plain digits: no separators to weigh.
        pieces = ((0, len(run), float(run), False),) if run.isdigit() else split_digit_run(run, decimal_mark)
        for start, end, value, grouped in pieces:
            start += run_start
            end += run_start
            following = text[end : end + 1]
            if not grouped and following in ordinal_first and ordinal_match(text, end):
                continue
            if (
                start >= 1
                and text[start - 1] == decimal_mark
                and (start == 1 or not text[start - 2].isalnum())
                and not grouped
            ):
                # ".25", ",08": a decimal without its leading zero.
                value = float(f"0.{text[start:end]}")
                start -= 1
            suffix = (
                lexicon.suffix_multiplier_re.match(text, end)
                if following in suffix_first
                or (following in _SPACE_SET and text[end + 1 : end + 2] in spaced_suffix_first)
                else None
            )
            factor = lexicon.suffix_multipliers.get(normalise(suffix.group()), 0.0) if suffix else 0.0
            if factor and suffix is not None:
                if chain:
                    flush()
                loose = False
                scaled = value * factor
                atoms.append(
                    Atom(start, suffix.end(), scaled, scaled, DIGITS, multiplier=factor, grouped=True)
                )
                chain_end = -1
                continue
            if chain:
                joiner = _chain_joiner(text, chain_end, start, lexicon)
                if joiner is not None:
                    chain.append(digit_token(value, start, end, joiner, grouped))
                    chain_end = end
                    continue
                flush()
            atoms.append(Atom(start, end, value, value, DIGITS, grouped=grouped))
            loose = True
            chain_end = end
    if chain:
        flush()
    return [a for a in atoms if math.isfinite(a.low) and math.isfinite(a.high)]


def number_runs(text: str, lexicon: NumberLexicon) -> list[tuple[int, int, bool]]:
    """(start, end, is_words) of the digit runs and the number-word phrases of ``text``, in text order.

    The same as one left-to-right scan for either, in two faster scans: a digit run holds no letter and a
    phrase no digit, so neither can start inside the other. Each phrase is found from the character before
    it (one is there but at the start of the text).
    """
    # span() + (False,): one method call and a C-level concatenation per run, half the time of
    # (start(), end(), False); a text holds hundreds of digit runs.
    runs = [match.span() + _DIGIT_RUN for match in lexicon.digit_scanner.finditer(text)]
    end = 0
    first = lexicon.phrase.match(text)
    if first is not None:
        end = first.end()
        runs.append((0, end, True))
    # Each search goes on from the character before the end of the last phrase: never from inside a phrase,
    # where the phrase pattern would be tried again over the rest of it (quadratic on "one one one ...").
    scanned, search = text, lexicon.word_scanner.search
    if lexicon.ascii_lower_safe and text.isascii():
        # The same phrases at the same offsets, found faster (see lexicon.ascii_variant).
        scanned, search = text.lower(), ascii_variant(lexicon.word_scanner).search
    match = search(scanned, max(end - 1, 0))
    while match is not None:
        start, end = match.span("w")
        runs.append((start, end, True))
        match = search(scanned, end - 1)
    runs.sort()
    return runs


def _chain_joiner(text: str, previous_end: int, start: int, lexicon: NumberLexicon) -> str | None:
    """How two neighbouring numbers are joined when they may be one number: a short gap of spaces, or a word
    joiner ("and", "och"); None when they stand apart."""
    if previous_end < 0 or start - previous_end > 8:
        return None
    gap = text[previous_end:start]
    if not gap.strip(SPACE_CHARS + "\t"):
        return GAP if gap else None
    if lexicon.word_joiner_re.fullmatch(gap):
        return WORD
    return None


def mark_dates(text: str, language: str, atoms: list[Atom]) -> None:
    near = [(a.start, a.end) for a in atoms if a.source == DIGITS]
    if not near:
        return
    spans = date_spans(text, language, near)
    if not spans:
        return
    k = 0
    for atom in atoms:
        if atom.source != DIGITS:
            continue
        while k < len(spans) and spans[k][1] <= atom.start:
            k += 1
        if k < len(spans) and spans[k][0] < atom.end:
            atom.date = True


def attach_units(text: str, lexicon: NumberLexicon, atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    for atom in atoms:
        if out and atom.start < out[-1].end:
            continue
        if atom.unit is None and not atom.date:
            match = lexicon.unit_re.match(text, atom.end)
            # "une dizaine de kilomètres", but never "10 de kilómetros": only a number noun takes a link word.
            if match is not None and (atom.noun or match.start("l") < 0):
                unit, factor = lexicon.units.get(normalise(match.group("u")), (None, 1.0))
                if unit is not None:
                    atom.unit = unit
                    atom.low *= factor
                    atom.high *= factor
                    atom.end = match.end()
        out.append(atom)
    return out


def _opener(text: str, lexicon: NumberLexicon, start: int) -> tuple[str, int] | None:
    match = lexicon.range_open_re.search(text, max(0, start - 24), start)
    if match is None:
        return None
    return normalise(match.group("o")), match.start()


def join_ranges(text: str, lexicon: NumberLexicon, atoms: list[Atom]) -> list[Atom]:
    out: list[Atom] = []
    i = 0
    count = len(atoms)
    while i < count:
        a = atoms[i]
        if i + 1 < count and not a.date and not a.vague:
            b = atoms[i + 1]
            joined = _range(text, lexicon, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(text: str, lexicon: NumberLexicon, a: Atom, b: Atom) -> Atom | None:
    if b.date or b.vague or (a.unit and b.unit and a.unit != b.unit):
        return None
    gap = text[a.end : b.start]
    if len(gap) > 24 or not gap.strip(_SPACE_STRIP):
        # Spaces alone join no range: a connector needs a dash or a word, a unit word a letter or a sign.
        return None
    connector = lexicon.connector_re.fullmatch(gap)
    end = b.end
    if connector is None:
        # "44 mg to 50 mg": a unit word the number layer does not know, written after both ends.
        unit = _UNIT_WORD.match(gap)
        if unit is None or not text.startswith(unit.group("u"), b.end + len(unit.group("s"))):
            return None
        connector = lexicon.connector_re.fullmatch(gap, unit.end())
        if connector is None:
            return None
        end = b.end + len(unit.group("s")) + len(unit.group("u"))
    word = connector.group("w")
    opener = _opener(text, lexicon, a.start)
    if word is not None:
        closing = normalise(word)
        paired = opener is not None and closing in lexicon.range_pairs.get(opener[0], frozenset())
        if not paired and closing not in lexicon.connector_words:
            return None
    low, high = a.low, a.high
    if b.multiplier > 1 and a.multiplier == 1 and low * b.multiplier <= b.high:
        low *= b.multiplier
        high *= b.multiplier
    if low > b.high or (low == b.high and word is None):
        return None
    start = opener[1] if opener is not None else a.start
    return Atom(
        start,
        end,
        low,
        b.high,
        a.source if a.source == b.source else WORDS,
        unit=a.unit or b.unit,
        approximate=a.approximate or b.approximate,
        multiplier=b.multiplier,
        grouped=True,
    )


def apply_modifiers(text: str, lexicon: NumberLexicon, atoms: list[Atom]) -> None:
    """Hedges and bounds written before a number ("cirka", "more than", ">=") or after it ("or more")."""
    floor = 0
    reach = lexicon.modifier_reach
    searched, search = text, lexicon.modifier_re.search
    if lexicon.ascii_lower_safe and text.isascii():
        # The same modifiers at the same offsets, found faster (see lexicon.ascii_variant).
        searched, search = text.lower(), ascii_variant(lexicon.modifier_re).search
    marks = lexicon.modifier_marks
    tails = lexicon.modifier_tails
    for index, atom in enumerate(atoms):
        previous: str | None = None
        for _ in range(2):
            low = max(floor, atom.start - reach)
            if not can_end(text, atom.start, low, marks) or not may_end_in(text, atom.start, low, tails):
                break
            match = search(searched, low, atom.start)
            if match is None:
                break
            phrase = normalise(match.group("m"))
            kind = lexicon.modifiers.get(phrase)
            if kind is None:
                break
            if match.start("d") >= 0 and (atom.unit != "percent" or kind not in _SHARE_KINDS):
                # "mehr als die Hälfte", "hasta el 10 %": an article only ever stands before a share.
                break
            if previous == "about" and kind in _BOUND_KINDS and phrase not in lexicon.hedged_bounds:
                # "rådede over omkring halvdelen": a bound word before a hedge is a preposition or a particle
                # unless the language says it keeps its meaning there ("up to about", "bis zu etwa").
                break
            if not _apply(kind, atom):
                break
            atom.start = match.start()
            previous = kind
        ceiling = atoms[index + 1].start if index + 1 < len(atoms) else len(text)
        after = lexicon.postfix_re.match(text, atom.end, ceiling)
        if after is not None and atom.bound is None:
            kind = lexicon.postfix_modifiers.get(normalise(after.group("p")))
            if kind is not None and _apply(kind, atom):
                atom.end = after.end()
        floor = atom.end


def join_bounds(text: str, lexicon: NumberLexicon, atoms: list[Atom]) -> list[Atom]:
    """A lower and an upper bound side by side make a range: "above 1000 and below 1500" -> 1000..1500."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.bound is not None:
            b = atoms[i + 1]
            if (
                b.bound is not None
                and b.bound != a.bound
                and (a.unit is None or b.unit is None or a.unit == b.unit)
                and lexicon.bound_joiner_re.fullmatch(text, a.end, b.start)
            ):
                lower, upper = (a, b) if a.bound == "more" else (b, a)
                if lower.low <= upper.high:
                    out.append(
                        Atom(
                            a.start,
                            b.end,
                            lower.low,
                            upper.high,
                            a.source,
                            unit=a.unit or b.unit,
                            approximate=True,
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _apply(kind: str, atom: Atom) -> bool:
    if kind == "about":
        atom.approximate = True
    elif kind == "more":
        if atom.bound is not None:
            return False
        atom.bound = "more"
        atom.approximate = True
        if atom.unit == "percent" and atom.high < 100:
            atom.high = 100.0
    elif kind == "less":
        if atom.bound is not None:
            return False
        atom.bound = "less"
        atom.approximate = True
        if atom.unit == "percent":
            atom.low = 0.0
    elif kind == "several":
        if atom.source != WORDS or atom.vague or atom.low != atom.high or atom.low < 10:
            return False
        exponent = math.log10(atom.low)
        if exponent != int(exponent):
            return False
        atom.low, atom.high = vague_range(atom.low)
        atom.vague = True
    elif kind == "negative":
        if atom.negated:
            return False
        atom.low, atom.high = -atom.high, -atom.low
        atom.negated = True
    return True


def apply_minus_signs(text: str, atoms: list[Atom]) -> None:
    for atom in atoms:
        s = atom.start
        if (
            atom.source == DIGITS
            and not atom.negated
            and s > 0
            and text[s - 1] in _MINUS
            and (s == 1 or text[s - 2] in _BEFORE_MINUS)
        ):
            atom.start -= 1
            atom.low, atom.high = -atom.high, -atom.low
            atom.negated = True
