"""`hub package generate|list|download|verify`: evidence packages for the force that owns a case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from cli.common import audit, connected_settings, console, errors, fail, friendly, open_port
from domain.access import HUB_SCOPE
from domain.evidence_bundle import verify as verify_bundle
from graph import packages

app = typer.Typer(help="Evidence packages: a case's summary, exhibits with hashes, attribution, timeline, "
                       "assessment, jurisdiction, people and continuity, as one zip with a manifest.",
                  no_args_is_help=True)

By = Annotated[str, typer.Option("--by", help="Who does this (recorded in the package and the audit trail).")]


def _write(port, fetched: packages.Fetched, out: Path, by: str) -> None:  # type: ignore[no-untyped-def]
    """Write a package's zip to a file, audited as a disclosure to that file and noted on the package."""
    out.write_bytes(fetched.file(packages.BUNDLE))
    audit(port, by=by, operation="disclosure", command=f"package download {fetched.id}",
          node_ids=[fetched.id, *fetched.carries], recipient=str(out))
    packages.record_download(port, fetched.id, by=by, file=packages.BUNDLE)
    console.print(f"written to {out} ({out.stat().st_size:,} bytes)")


@app.command("generate")
@friendly
def generate(
    case: Annotated[str, typer.Argument(help="The case's id.")],
    by: By,
    out: Annotated[Optional[Path], typer.Option("--out", help="Also write the zip to this file.")] = None,
    why: Annotated[str, typer.Option("--why", help="Why the package is made (recorded).")] = "",
) -> None:
    """Generate the next version of a case's evidence package (earlier versions are kept)."""
    if not by.strip():
        raise fail("--by: say who generates the package; it is recorded in it")
    with open_port(connected_settings(), migrate=True) as port:
        try:
            made = packages.generate(port, case, maker=packages.Maker.command_line(by.strip()))
        except packages.PackageError as refusal:
            raise fail(str(refusal)) from None
        audit(port, by=by.strip(), operation="alteration", command=f"package generate {case}", node_ids=made.node_ids,
              why=why)
        console.print(f"{made.id}: case {made.case} version {made.version}, {made.exhibits} exhibits, "
                      f"{len(made.files)} files, {made.size:,} bytes")
        console.print(f"SHA-256 (of manifest.json): {made.sha256}")
        if out is not None:
            fetched = packages.fetch(port, made.id, scope=HUB_SCOPE)
            assert fetched is not None  # just written
            _write(port, fetched, out, by.strip())


@app.command("list")
@friendly
def list_packages(case: Annotated[str, typer.Argument(help="The case's id.")]) -> None:
    """List a case's packages, oldest version first: id, version, when, by whom, hash, downloads."""
    with open_port(connected_settings()) as port:
        rows = packages.list_packages(port, case, scope=HUB_SCOPE)
    for row in rows:
        console.print(f"{row['id']}  version {row['version']}  {row['generated_at']:%Y-%m-%d %H:%M}  "
                      f"by {row['generated_by']} ({row['generated_role']})  {row['exhibits']} exhibits")
        console.print(f"  SHA-256 {row['sha256']}  downloaded {len(row['downloads'])} times")
    console.print(f"{len(rows)} packages of case {case}")


@app.command("download")
@friendly
def download(
    package_id: Annotated[str, typer.Argument(help="The package's id (package:...).")],
    out: Annotated[Path, typer.Option("--out", help="The zip file to write.")],
    by: Annotated[str, typer.Option("--by", help="Who downloads it (recorded).")] = "",
) -> None:
    """Write a package's zip to a file (audited as a disclosure to that file)."""
    import getpass

    who = by.strip() or getpass.getuser()
    with open_port(connected_settings(), migrate=True) as port:
        fetched = packages.fetch(port, package_id, scope=HUB_SCOPE)
        if fetched is None:
            raise fail(f"no evidence package {package_id!r}")
        _write(port, fetched, out, who)


@app.command("verify")
def verify(file: Annotated[Path, typer.Argument(help="A package's zip file.")]) -> None:
    """Recompute every hash in a package: exit 0 when intact, 1 naming every changed, missing or extra file."""
    try:
        data = file.read_bytes()
    except OSError as failure:
        raise fail(f"{file}: cannot be read ({failure.strerror or failure})") from None
    result = verify_bundle(data)
    if result.intact:
        console.print(f"intact: {result.files} files and {result.exhibits} exhibits match manifest.json; "
                      f"package SHA-256 {result.sha256}")
        return
    for problem in result.problems:
        errors.print(f"[bold red]changed:[/] {problem}")
    errors.print(f"{file}: NOT intact ({len(result.problems)} problems)")
    raise typer.Exit(1)
