"""`hub dedupe`: every rule over the whole graph, then cases, series and text groups, with progress.

It gives the same cases as the online path (tests/integration/test_dedupe_online_batch.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.dedupe import cases, rules, text_groups
from graph.port import GraphPort, batched

# progress(stage, done_now, stage_total)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DedupeSummary:
    """What a batch run found."""

    reports: int
    cases: int
    text_groups: int


def recompute(port: GraphPort, *, batch_size: int = 2000, progress: Progress = lambda stage, done, total: None) -> DedupeSummary:
    """Recompute every duplicate link, case, linked series and text group from the graph as it stands."""
    port.write_autocommit("dedupe/clear_machine_links")

    keys = [row["key"] for row in port.read("dedupe/shared_items")]
    progress("same content", 0, len(keys))
    for batch in batched(keys, batch_size):
        port.write("dedupe/link_same_content_for_items", keys=batch)
        progress("same content", len(batch), len(keys))

    ids = [row["id"] for row in port.read("dedupe/reports_with_authored_items")]
    progress("same item without URL", 0, len(ids))
    for batch in batched(ids, batch_size):
        port.write_unit(lambda tx: rules.link_items_without_url(tx, batch))
        progress("same item without URL", len(batch), len(ids))

    ids = [row["id"] for row in port.read("dedupe/reports_with_reporter_contact")]
    progress("resubmissions", 0, len(ids))
    for batch in batched(ids, batch_size):
        port.write_unit(lambda tx: rules.link_resubmissions(tx, batch))
        progress("resubmissions", len(batch), len(ids))

    ids = [row["id"] for row in port.read("dedupe/reports_with_unlinked_messages")]
    progress("message matches", 0, len(ids))
    for batch in batched(ids, batch_size):
        port.write_unit(lambda tx: rules.suggest_message_matches(tx, batch))
        progress("message matches", len(batch), len(ids))

    all_ids = [row["id"] for row in port.read("dedupe/report_order")]
    progress("cases", 0, len(all_ids))
    total_cases = cases.recluster_all(port, progress=lambda done: progress("cases", done, len(all_ids)))

    progress("series", 0, len(all_ids))
    for batch in batched(all_ids, batch_size):
        port.write("dedupe/link_course_of_conduct", ids=batch)
        progress("series", len(batch), len(all_ids))

    groups = text_groups.regroup_all(port, progress=lambda done: progress("text groups", done, 0))
    return DedupeSummary(reports=len(all_ids), cases=total_cases, text_groups=groups)
