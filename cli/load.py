"""`hub load FILE...`: intake files into the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.assess import policies
from cli.common import command_event, connected_settings, console, fail, friendly, open_port
from cli.progress import progress_bar
from loaders.load import load_files
from loaders.sources import UnreadableFile, count_lines


@friendly
def load(
    files: Annotated[list[Path], typer.Argument(help="JSON Lines (.jsonl) or CSV (.csv) files of reports.")],
    rejects: Annotated[
        Optional[Path], typer.Option(help="Where refused records are listed (default: rejects.csv beside the first file).")
    ] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Reports per transaction (default: HUB_BATCH_SIZE).")] = None,
    by: Annotated[str, typer.Option("--by", help="Who is loading, for the audit trail (default: your login name).")] = "",
) -> None:
    """Load reports: each valid one exactly once; each refused one listed with line, field and reason."""
    config = connected_settings()
    rejects = rejects or files[0].with_name(files[0].stem + ".rejects.csv")
    total = sum(count_lines(path) for path in files if path.is_file())
    with open_port(config, migrate=True) as port, progress_bar("reports") as bar:
        task = bar.add_task("loading", total=total)
        try:
            summary = load_files(
                port, files, rejects=rejects, batch_size=batch_size or config.batch_size,
                progress=lambda done: bar.advance(task, done), policies=policies(),
                collected_by=lambda path, ids: command_event(by=by, operation="collection",
                                                             command=f"load {path.name}", node_ids=ids),
            )
        except UnreadableFile as exc:
            raise fail(str(exc)) from None
    console.print(
        f"read {summary.read}: {summary.created} new, {summary.unchanged} already received (unchanged), "
        f"{summary.conflicts} conflicting, {summary.rejected} refused"
    )
    if summary.rejects_file:
        console.print(f"refused and conflicting records are listed in {summary.rejects_file}")
