"""Relations between claims across reports: contradicts, corroborates, repeats, changed_over_time,
and (on request) different_scope.

    from factcheck.compare import compare_new_claims, compare_all
"""

from __future__ import annotations

from factcheck.compare.run import compare_all, compare_new_claims, compare_pending

__all__ = ["compare_all", "compare_new_claims", "compare_pending"]
