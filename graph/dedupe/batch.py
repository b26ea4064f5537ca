"""`hub dedupe`: every rule over the whole graph, then cases, series and text groups, with progress.

It gives the same cases as the online path: the rule tests run both paths, and benchmarks/dedupe compares
them on generated data (benchmarks/README.md has the latest comparison at each size).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.dedupe import cases, rules, text_groups
from graph.port import GraphPort, Tx, batched

# progress(stage, done_now, stage_total)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DedupeSummary:
    """What a batch run found."""

    reports: int
    cases: int
    text_groups: int


# The rules scored in Python: (stage, the query listing the reports to run it for, the rule).
SCORED_RULES: tuple[tuple[str, str, Callable[[Tx, list[str]], object]], ...] = (
    ("same item without URL", "dedupe/reports_with_authored_items", rules.link_items_without_url),
    ("resubmissions", "dedupe/reports_with_reporter_contact", rules.link_resubmissions),
    ("message matches", "dedupe/reports_with_unlinked_messages", rules.suggest_message_matches),
    ("only post of an account", "dedupe/reports_with_authored_items", rules.link_account_only_post),
    ("posting time", "dedupe/reports_with_timed_bare_material", rules.link_by_posting_time),
    ("victim's only post", "dedupe/reports_with_victims_and_bare_material", rules.link_by_victim),
)


def recompute(port: GraphPort, *, batch_size: int = 2000, progress: Progress = lambda stage, done, total: None) -> DedupeSummary:
    """Recompute every duplicate link, case, linked series and text group from the graph as it stands."""
    port.write_autocommit("dedupe/clear_machine_links")

    keys = [row["key"] for row in port.read("dedupe/shared_items")]
    _in_batches(keys, batch_size, "same content", progress, lambda batch: port.write("dedupe/link_same_content_for_items", keys=batch))

    for stage, listing, rule in SCORED_RULES:
        ids = [row["id"] for row in port.read(listing)]
        _in_batches(ids, batch_size, stage, progress, lambda batch, rule=rule: port.write_unit(lambda tx: rule(tx, batch)))

    all_ids = [row["id"] for row in port.read("dedupe/report_order")]
    progress("cases", 0, len(all_ids))
    total_cases = cases.recluster_all(port, progress=lambda done: progress("cases", done, len(all_ids)))

    _in_batches(all_ids, batch_size, "series", progress, lambda batch: port.write("dedupe/link_course_of_conduct", ids=batch))

    groups = text_groups.regroup_all(port, progress=lambda done: progress("text groups", done, 0))
    return DedupeSummary(reports=len(all_ids), cases=total_cases, text_groups=groups)


def _in_batches(items: list[str], size: int, stage: str, progress: Progress, work: Callable[[list[str]], object]) -> None:
    """Run `work` over `items` in batches, reporting progress under `stage`."""
    progress(stage, 0, len(items))
    for batch in batched(items, size):
        work(batch)
        progress(stage, len(batch), len(items))
