"""One registry of actions: it makes the key bindings, the footer, the help screen and the
command palette, so the four never drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

GLOBAL = "global"
SCOPE_TITLES = {
    GLOBAL: "Everywhere",
    "claims": "Claims",
    "detail": "Claim detail",
    "contradictions": "Contradictions",
    "pair": "Flag (two claims side by side)",
    "sources": "Sources",
    "chart": "Chart",
    "orphans": "Orphaned reviews",
}


@dataclass(frozen=True, slots=True)
class ActionSpec:
    scope: str
    key: str
    action: str  # Textual action name: action_<name> on the screen (or the app for GLOBAL)
    label: str  # short, for the footer
    help: str  # one sentence, for the help screen and the command palette
    footer: bool = True
    palette: bool = True

    @property
    def key_display(self) -> str:
        names = {"question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]"}
        first = self.key.split(",")[0]
        return names.get(first, first)


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(GLOBAL, "1", "show_claims", "Claims", "Show the table of claims."),
    ActionSpec(GLOBAL, "2", "show_contradictions", "Contradictions", "List flagged contradictions."),
    ActionSpec(GLOBAL, "3", "show_sources", "Sources", "Sources with aliases and counts."),
    ActionSpec(GLOBAL, "4", "show_chart", "Chart", "Chart the values claimed for one quantity."),
    ActionSpec(GLOBAL, "5", "show_orphans", "Orphans", "Reviews whose claim no longer exists.", footer=False),
    ActionSpec(GLOBAL, "question_mark,f1", "help", "Help", "Show every key and what it does."),
    ActionSpec(
        GLOBAL, "t", "toggle_theme", "Theme", "Switch between the light and the dark theme.", footer=False
    ),
    ActionSpec(GLOBAL, "q", "quit", "Quit", "Leave factcheck.", palette=False),
    ActionSpec("claims", "slash", "focus_search", "Search", "Search claims (sources, places, words)."),
    ActionSpec("claims", "f", "focus_filters", "Filters", "Move to the filters above the table."),
    ActionSpec("claims", "enter", "open_claim", "Open", "Open the highlighted claim.", footer=False),
    ActionSpec("claims", "s", "cycle_sort", "Sort", "Sort by the next sortable column.", footer=False),
    ActionSpec("claims", "r", "reverse_sort", "Reverse", "Reverse the sort order.", footer=False),
    ActionSpec("claims", "v", "verify", "Verified", "Mark the highlighted claim verified (with a note)."),
    ActionSpec("claims", "d", "dispute", "Disputed", "Mark the highlighted claim disputed (with a note)."),
    ActionSpec(
        "claims", "n", "needs_source", "Needs source", "Mark the highlighted claim as needing a source."
    ),
    ActionSpec("claims", "u", "undo", "Undo", "Withdraw the latest review of the highlighted claim."),
    ActionSpec(
        "claims", "g", "chart_claim", "Chart it", "Chart the quantity of the highlighted claim.", footer=False
    ),
    ActionSpec("claims", "e", "export", "Export", "Export the claims matching the current filters."),
    ActionSpec(
        "claims", "ctrl+r", "clear_filters", "Clear", "Clear the search and every filter.", footer=False
    ),
    ActionSpec("detail", "escape", "back", "Back", "Return to the previous screen."),
    ActionSpec("detail", "v", "verify", "Verified", "Mark this claim verified (with a note)."),
    ActionSpec("detail", "d", "dispute", "Disputed", "Mark this claim disputed (with a note)."),
    ActionSpec("detail", "n", "needs_source", "Needs source", "Mark this claim as needing a source."),
    ActionSpec("detail", "u", "undo", "Undo", "Withdraw the latest review of this claim."),
    ActionSpec("detail", "g", "chart_claim", "Chart it", "Chart this claim's quantity over time."),
    ActionSpec(
        "detail", "enter", "open_relation", "Open", "Open the highlighted related claim.", footer=False
    ),
    ActionSpec(
        "contradictions", "enter", "open_relation", "Open", "Open the highlighted flag.", footer=False
    ),
    ActionSpec("contradictions", "a", "toggle_decided", "Open/all", "Show only open flags, or all of them."),
    ActionSpec("contradictions", "ctrl+r", "reload", "Reload", "Reload the flags from the database."),
    ActionSpec("pair", "escape", "back", "Back", "Return to the list."),
    ActionSpec(
        "pair", "c", "confirm", "Confirm", "Confirm the flag: the claims do contradict (with a note)."
    ),
    ActionSpec("pair", "x", "dismiss_flag", "Dismiss", "Dismiss the flag: no contradiction (with a note)."),
    ActionSpec("pair", "u", "undo", "Undo", "Withdraw the latest decision on this flag."),
    ActionSpec("pair", "left_square_bracket", "open_a", "Claim A", "Open the left claim in detail."),
    ActionSpec("pair", "right_square_bracket", "open_b", "Claim B", "Open the right claim in detail."),
    ActionSpec(
        "sources", "enter", "show_source_claims", "Claims", "Show the claims of the highlighted source."
    ),
    ActionSpec("sources", "a", "add_alias", "Add alias", "Add an alias to the highlighted source."),
    ActionSpec("sources", "m", "merge", "Merge", "Merge the highlighted source into another."),
    ActionSpec("sources", "ctrl+r", "reload", "Reload", "Reload the sources."),
    ActionSpec("chart", "ctrl+r", "reload", "Reload", "Reload the chart."),
    ActionSpec("orphans", "ctrl+r", "reload", "Reload", "Reload the orphaned reviews."),
)


def specs(scope: str) -> tuple[ActionSpec, ...]:
    return tuple(spec for spec in ACTIONS if spec.scope == scope)


def bindings(scope: str) -> list[BindingType]:
    return [
        Binding(spec.key, spec.action, spec.label, show=spec.footer, key_display=spec.key_display)
        for spec in specs(scope)
    ]
