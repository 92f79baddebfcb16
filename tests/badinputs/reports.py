"""Small realistic reports for crash, backup and concurrency tests: unique, numeric, several languages."""

from __future__ import annotations

import random
from pathlib import Path

_TEMPLATES = {
    "en": (
        "About {a} Islamic State fighters remain in {place}, according to the Syrian Observatory for Human Rights.",
        "More than {b} civilians have fled the fighting since {weekday}, the United Nations said.",
        "Government forces control some {p} percent of the province, a spokesman said.",
        "The front line runs {d} km north of the city.",
    ),
    "sv": (
        "Drygt {a} IS-krigare finns kvar i {place}, enligt Syriska människorättsobservatoriet.",
        "Över {b} civila har flytt från striderna sedan i {weekday}s, uppger FN.",
        "Regeringsstyrkorna kontrollerar omkring {p} procent av provinsen.",
        "Fronten går {d} kilometer norr om staden.",
    ),
    "de": (
        "Rund {a} Kämpfer des Islamischen Staates sind noch in {place}, sagte die Beobachtungsstelle.",
        "Mehr als {b} Zivilisten sind seit {weekday} geflohen, teilten die Vereinten Nationen mit.",
        "Die Regierungstruppen kontrollieren etwa {p} Prozent der Provinz.",
        "Die Front verläuft {d} Kilometer nördlich der Stadt.",
    ),
    "fr": (
        "Environ {a} combattants de l'État islamique restent à {place}, selon l'Observatoire syrien des droits de l'homme.",
        "Plus de {b} civils ont fui les combats depuis {weekday}, selon l'ONU.",
        "Les forces gouvernementales contrôlent près de {p} pour cent de la province.",
        "La ligne de front se trouve à {d} km au nord de la ville.",
    ),
}
_PLACES = ("Raqqa", "Deir ez-Zor", "Mosul", "Aleppo", "Idlib", "Palmyra", "Tabqa", "Manbij")
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Friday"),
    "sv": ("måndag", "tisdag", "fredag"),
    "de": ("Montag", "Dienstag", "Freitag"),
    "fr": ("lundi", "mardi", "vendredi"),
}
_FILLER = {
    "en": "Residents described long queues for bread and water in the heat.",
    "sv": "Invånare beskriver långa köer för bröd och vatten i värmen.",
    "de": "Bewohner berichteten von langen Schlangen für Brot und Wasser in der Hitze.",
    "fr": "Les habitants ont décrit de longues files d'attente pour le pain et l'eau.",
}


def _thousands(value: int, language: str) -> str:
    grouped = f"{value:,}"
    return {
        "en": grouped,
        "sv": grouped.replace(",", " "),
        "de": grouped.replace(",", "."),
        "fr": grouped.replace(",", " "),
    }[language]


def report_text(index: int, seed: int = 0) -> tuple[str, str]:
    """(language, text) of report number `index`; every index gives a different text."""
    rng = random.Random(seed * 1_000_003 + index)
    language = ("en", "sv", "de", "fr")[index % 4]
    values = {
        "a": _thousands(rng.randrange(1, 60) * 100, language),
        "b": _thousands(rng.randrange(10, 900) * 100, language),
        "p": rng.randrange(5, 95),
        "d": rng.randrange(2, 80),
        "place": rng.choice(_PLACES),
        "weekday": rng.choice(_WEEKDAYS[language]),
    }
    sentences = [template.format(**values) for template in _TEMPLATES[language]]
    rng.shuffle(sentences)
    title = f"{values['place']} report {index}"
    body = " ".join(sentences[:2]) + "\n\n" + _FILLER[language] + " " + " ".join(sentences[2:])
    return language, f"date 2017-{1 + index % 12:02d}-{1 + index % 28:02d}\n{title}\n\n{body}\n"


def write_reports(directory: Path, count: int, seed: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        _language, text = report_text(index, seed)
        path = directory / f"report_{seed}_{index:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
