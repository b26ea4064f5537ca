"""Request dependencies: the graph port opened in the lifespan."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.port import GraphPort


def get_port(request: Request) -> GraphPort:
    """Return the graph port opened in the lifespan."""
    return request.app.state.port


PortDep = Annotated[GraphPort, Depends(get_port)]
