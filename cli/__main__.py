"""`python -m cli` runs the `hub` command."""

from cli.main import app

app()
