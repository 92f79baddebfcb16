"""Over-long "sentences" and runs of bare figures: extraction stays bounded and sensible."""

from __future__ import annotations

from factcheck.extract import extract
from factcheck.extract.sentences import MAX_SENTENCE, split_sentences


def test_a_sentence_with_no_full_stop_is_cut_at_clause_punctuation() -> None:
    clause = "some 1,500 fighters were seen near Deir ez-Zor, "
    text = clause * 100
    spans = split_sentences(text, "en")
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert all(text[end - 1] == "," for _, end in spans[:-1])  # cut after a comma, not mid-word
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_a_sentence_of_one_long_word_is_cut_anywhere() -> None:
    spans = split_sentences("x" * (3 * MAX_SENTENCE), "en")
    assert [end - start for start, end in spans] == [MAX_SENTENCE] * 3


def test_normal_sentences_are_not_cut() -> None:
    text = "About 2,000 Islamic State fighters remain in Raqqa, according to the observatory. " * 3
    assert len(split_sentences(text, "en")) == 3


def test_claims_in_a_long_line_keep_their_kind() -> None:
    text = "Some 1,500 fighters were seen near Deir ez-Zor on Tuesday, the monitor said. " * 200
    claims = extract(text, "en", "2017-09-02")
    assert len(claims) == 200
    assert {c.kind for c in claims} == {"fighters"}


def test_a_run_of_bare_figures_is_no_list_of_claims() -> None:
    claims = extract("Table: " + "1 2 3 4 5 6 7 8 9 " * 50, "en", "2017-09-02")
    assert len(claims) <= 2  # only the two ends of the run could still count something


def test_figures_with_words_between_stay_claims() -> None:
    text = "The army took 3 towns, 12 villages and 40 hills near Hama."
    assert [c.text for c in extract(text, "en", "2017-09-02")] == ["3", "12", "40"]
