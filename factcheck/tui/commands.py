"""The command palette's factcheck commands, from the same registry as the keys."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from factcheck.tui.actions import GLOBAL, SCOPE_TITLES, ActionSpec, specs


class FactcheckCommands(Provider):
    """The current screen's actions first, then those that work everywhere."""

    def _available(self) -> list[ActionSpec]:
        scope = getattr(self.screen, "SCOPE", GLOBAL)
        found = [spec for spec in (*specs(scope), *specs(GLOBAL)) if spec.palette]
        return found

    def _title(self, spec: ActionSpec) -> str:
        where = SCOPE_TITLES[spec.scope]
        return f"{spec.label} ({where})" if spec.scope != GLOBAL else spec.label

    async def _run(self, spec: ActionSpec) -> None:
        if spec.scope == GLOBAL:
            await self.app.run_action(spec.action)
        else:
            await self.screen.run_action(spec.action)

    async def discover(self) -> Hits:
        for spec in self._available():
            yield DiscoveryHit(self._title(spec), partial(self._run, spec), help=spec.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for spec in self._available():
            title = self._title(spec)
            score = max(matcher.match(title), matcher.match(spec.help) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, spec), help=spec.help)
