"""A corpus of bad inputs, each with the outcome `factcheck ingest` must give it.

Most cases are bytes built here (so the repository holds no binary blobs); the HTML page is a
committed file because it reads best as HTML. Big inputs (the 50 MB file) are written by the tests
themselves into tmp_path, never committed.

Outcomes:
  stored  the report is stored, and `check` (if any) holds for its stored text
  error   one line on stderr naming the file, nothing stored from it, the batch goes on
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

SWEDISH = (
    "Drygt 2 000 IS-krigare finns kvar i Raqqa, enligt Syriska människorättsobservatoriet.\n\n"
    "Striderna fortsätter på lördagen och många civila har flytt från staden. "
    "Även sjukhusen i Åleppo är överfulla, säger källor på plats."
)
ENGLISH = (
    "About 2,000 Islamic State fighters remain in Raqqa, according to the Syrian Observatory "
    "for Human Rights. More than 25,000 civilians are still trapped in the city, the United "
    "Nations said on Friday."
)


@dataclass(frozen=True)
class Case:
    name: str  # file name in the corpus directory
    data: bytes
    outcome: str  # "stored" | "error"
    why: str
    # For stored cases: a predicate on the stored text of the report.
    check: Callable[[str], bool] | None = None
    # For records files: bad line numbers that must each get their own error line.
    bad_lines: tuple[int, ...] = ()
    good_records: int = 0
    expect_values: tuple[float, ...] = field(default=())


def _random_bytes(size: int) -> bytes:
    return random.Random(9).randbytes(size)


def _jsonl() -> bytes:
    lines = [
        json.dumps({"text": ENGLISH, "url": "https://example.org/a", "date": "2017-09-02"}),
        '{"text": "broken record with 400 fighters", ',  # line 2: truncated
        json.dumps({"text": SWEDISH + " Från flödet.", "url": "https://example.org/b", "language": "sv"}),
        "not json at all",  # line 4
        "",  # blank lines are skipped, not errors
        json.dumps({"title": "no text field"}),  # line 6: valid JSON, no text
        json.dumps(["a", "list", "not", "an", "object"]),  # line 7
        json.dumps(
            {
                "text": "Roughly 300 civilians fled Mosul on Monday, the UN said.",
                "date": "2017-06",
                "title": "NUL\u0000 and \u001b[31mANSI\u001b[0m in a title",
                "outlet": "The\u0007 Outlet",
            }
        ),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def long_line(size: int = 1_000_000) -> bytes:
    """One paragraph of `size` bytes with no newline at all (scraped text often has none).

    Not in the batch corpus: it has its own test with a time limit, so a slow extractor fails it
    quickly instead of hanging the batch."""
    sentence = "Some 1,500 fighters were seen near Deir ez-Zor on Tuesday, the monitor said. "
    return (sentence * (size // len(sentence))).encode("utf-8")


def _controls() -> bytes:
    text = (
        "\x1b[31mBREAKING\x1b[0m About 1,200 fighters remain in Raqqa, the observatory said.\x07\n"
        "[bold red]Rich markup[/bold red] and [link=https://evil.example]a link[/link] stay literal.\x08\n"
        "\x1b]0;pwned title\x07A title escape, a clear-screen \x1b[2J\x1b[H and a form feed\x0c.\n"
        "More than 300 civilians fled on Friday, the UN said.\x1b[?1049h\n"
    )
    return text.encode("utf-8")


def _absurd() -> bytes:
    text = (
        "A rumour put the number of fighters at 1 000 000 000 000 000 000 000 in Raqqa.\n\n"
        "Another post claimed 10^400 civilians had fled, and a third said 1e309 fighters.\n\n"
        "A figure of 99999999999999999999999999999999999999999999999999 per cent was quoted.\n"
    )
    return text.encode("utf-8")


def _no_text(text: str) -> Callable[[str], bool]:
    return lambda stored: not any(ord(ch) < 32 and ch not in "\t\n" for ch in stored) and text in stored


def cases() -> list[Case]:
    html = (HERE / "cookie_page.html").read_bytes()
    furniture = (
        "SCRIPT",
        "MENU",
        "COOKIE",
        "HEADER",
        "FOOTER",
        "SOCIAL",
        "RELATED",
        "NEWSLETTER",
        "NOSCRIPT",
    )
    return [
        Case("empty.txt", b"", "error", "an empty file is no report"),
        Case("blank.txt", b"  \n\t\n  \n", "error", "whitespace only is no report"),
        Case("random.bin", _random_bytes(4096), "error", "random bytes are binary"),
        Case("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + _random_bytes(2000), "error", "a PDF is binary"),
        Case(
            "invalid_utf8.txt",
            b"Hello \xff\xfe world. About 2 000 fighters remain \xc3\x28 in Raqqa, the observatory said.",
            "stored",
            "invalid UTF-8 is decoded somehow; the readable text survives",
            check=lambda t: "fighters remain" in t and "observatory said" in t,
        ),
        Case(
            "broken_utf8_swedish.txt",
            SWEDISH.encode("utf-8")[:-10] + b"\xc3 " + SWEDISH.encode("utf-8") + b" Trasig.",
            "stored",
            "UTF-8 with one truncated sequence keeps its å, ä, ö",
            check=lambda t: "människorättsobservatoriet" in t and "Åleppo" in t,
        ),
        Case(
            "utf16_bom.txt",
            (SWEDISH + " Kodad i UTF-16.").encode("utf-16"),
            "stored",
            "UTF-16 with a byte-order mark",
            check=lambda t: t.strip() == SWEDISH + " Kodad i UTF-16.",
        ),
        Case(
            "utf8_bom.txt",
            b"\xef\xbb\xbf" + (ENGLISH + " (UTF-8 BOM)").encode("utf-8"),
            "stored",
            "UTF-8 with a byte-order mark loses the mark",
            check=lambda t: t.strip() == ENGLISH + " (UTF-8 BOM)",
        ),
        Case(
            "windows1252_swedish.txt",
            SWEDISH.encode("cp1252"),
            "stored",
            "Windows-1252 Swedish keeps å, ä, ö",
            check=lambda t: t.strip() == SWEDISH.strip(),
        ),
        Case(
            "windows1252_short.txt",
            "Över 500 döda i Åmål, säger polisen.".encode("cp1252"),
            "stored",
            "even a short Windows-1252 line decodes right",
            check=lambda t: t.strip() == "Över 500 döda i Åmål, säger polisen.",
        ),
        Case(
            "numbers_only.txt",
            b"1 2 3 4 5\n6 7 8 9 10\n2017 2018 2019\n3.14 2,71 1 000 000\n",
            "stored",
            "a file of numbers is stored (with whatever claims it has)",
        ),
        Case(
            "cookie_page.html",
            html,
            "stored",
            "article text is kept; script, menu, cookie and other furniture text is not",
            check=lambda t: (
                "About 2,000 Islamic State fighters remain in Raqqa" in t
                and "More than 25,000 civilians" in t
                and not any(f"{word}-TEXT" in t or f"{word}-BANNER" in t for word in furniture)
                and "console.log" not in t
                and "dataLayer" not in t
            ),
        ),
        Case(
            "feed.jsonl",
            _jsonl(),
            "stored",
            "good lines stored, bad lines reported by line number",
            bad_lines=(2, 4, 6, 7),
            good_records=3,
        ),
        Case(
            "controls.txt",
            _controls(),
            "stored",
            "control characters and ANSI escapes are dropped; Rich markup stays as literal data",
            check=lambda t: (
                "\x1b" not in t
                and "\x07" not in t
                and "[31m" not in t
                and "pwned" not in t
                and "[bold red]Rich markup[/bold red]" in t
                and "About 1,200 fighters remain" in t
                and not any(ord(ch) < 32 and ch not in "\t\n" for ch in t)
            ),
        ),
        Case("absurd_numbers.txt", _absurd(), "stored", "absurd numbers are stored, never inf or a crash"),
        Case(
            "separators_en.txt",
            b"About 1,500 Islamic State fighters remain in Raqqa, according to the observatory.",
            "stored",
            "a thousands comma in English",
            expect_values=(1500.0,),
        ),
        Case(
            "separators_sv.txt",
            "Omkring 1,5 miljoner civila har flytt från Aleppo, enligt FN.".encode(),
            "stored",
            "a decimal comma in Swedish",
            expect_values=(1_500_000.0,),
        ),
        Case(
            "separators_de.txt",
            "Rund 2.500 Kämpfer des Islamischen Staates sind noch in Rakka, sagte die Beobachtungsstelle.".encode(),
            "stored",
            "a thousands dot in German",
            expect_values=(2500.0,),
        ),
    ]


def write_corpus(directory: Path) -> list[Case]:
    """Write every case into `directory` and return the cases."""
    directory.mkdir(parents=True, exist_ok=True)
    corpus = cases()
    for case in corpus:
        if case.name == "cookie_page.html":
            shutil.copyfile(HERE / case.name, directory / case.name)
        else:
            (directory / case.name).write_bytes(case.data)
    return corpus
