"""Request dependencies: the settings and the graph port opened in the lifespan."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from core.settings import Settings
from graph.port import GraphPort


def get_settings(request: Request) -> Settings:
    """Return the settings the app was built with."""
    return request.app.state.settings


def get_port(request: Request) -> GraphPort:
    """Return the graph port opened in the lifespan."""
    return request.app.state.port


SettingsDep = Annotated[Settings, Depends(get_settings)]
PortDep = Annotated[GraphPort, Depends(get_port)]
