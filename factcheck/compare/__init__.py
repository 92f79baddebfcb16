"""Relations between claims across reports.

    from factcheck.compare import compare_new_claims, compare_all

    compare_new_claims(engine, claim_ids) -> int   # a new report's claims against their blocks only
    compare_all(engine, with_scope=False) -> int    # recompute everything (`factcheck compare --all`)

Design, in the order a pair is judged (modules: blocking, records, classify, pairs, persist, run):

- Same quantity: same kind, location and actor (the block key, served by the ix_claims_block
  index), the same unit family (durations compare in years), and compatible subjects (rapidfuzz
  token-set similarity of the English subjects and, within one language, of the claims' own
  words; a subject about an earlier state, "formerly controlled", never matches a present one).
  Claims without a location or without any date (as_of, else the report's date) are not compared.
  Two claims of one report from one origin are never paired: a report does not confirm itself.
- Values are ranges with tolerances (quantity.py): rounding for unhedged figures, a wider margin
  for hedged ones, percentage points for shares. Overlapping ranges agree.
- Dates are spans of their precision; spans within SAME_MOMENT_DAYS are one moment:
  contradicts (values disagree), corroborates (agree, independent origins) or repeats (agree, one
  origin: the same source, a person speaking for a body, or a figure relayed through the other's
  source or wire). Within a moment a claim is linked to the first report of each distinct figure
  (and to the first independent one when the first shares its origin), not to every repeat: a
  figure the press repeats a hundred times makes a hundred links, not five thousand, so relations
  grow with the claims, not with their square. Across moments, each claim is linked to its
  previous moment only, within HORIZON_DAYS: changed_over_time when the values differ (a chain).
- A pair an editor has reviewed is always judged and kept while its two claims still measure one
  quantity within the horizon, even when another report has become the figure's first report.
- Durations are compared by the start date they imply ("three years" as of 2017-09 began about
  2014-09), so "three years" in 2017 and "four years" in 2018 agree, and "two years" beside
  "three years" in one month contradict on when it began. Dates written as "since 2015" are not
  claims (the extractor does not emit them), so they are not compared.
- different_scope is never a conflict and is computed only on request (`compare --all --with-scope`):
  claims of one block whose subjects differ, and claims about a place and a place inside it
  (Registry.place_contains). A later `compare --all` without --with-scope removes them again.
- Every relation is upserted by relation_key (ordered pair of claim keys); its status is the
  editors' standing decision (reviews.relation_statuses), so dismissed stays dismissed. A full
  pass deletes relations it did not produce again; their reviews stay and return with them.
"""

from __future__ import annotations

from factcheck.compare.run import compare_all, compare_new_claims, compare_pending

__all__ = ["compare_all", "compare_new_claims", "compare_pending"]
