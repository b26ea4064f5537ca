"""`hub networks`: campaigns, communities and repeat offenders, written back into the graph."""

from __future__ import annotations

from cli.common import connected_settings, console, friendly, open_port
from cli.progress import progress_bar
from graph.networks import run_all


@friendly
def networks() -> None:
    """Find campaigns and pile-ons, communities with role scores, and rank repeat offenders."""
    with open_port(connected_settings(), migrate=True) as port, progress_bar("steps") as bar:
        task = bar.add_task("networks", total=3)
        summary = run_all(port, progress=lambda stage, done, total: bar.update(task, advance=done, description=stage))
    console.print(
        f"{summary.campaigns} campaigns; {summary.communities} communities over {summary.accounts_in_graph} "
        f"accounts and persons; {summary.ranked} repeat offenders ranked"
    )
