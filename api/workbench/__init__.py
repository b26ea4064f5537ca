"""The analyst's workbench: server-rendered pages under /workbench (docs/workbench.md)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.workbench.pages import STATIC_DIR, PageExit, page_exit
from api.workbench.guidance import router as guidance_router
from api.workbench.intelligence import router as intelligence_router
from api.workbench.packages import router as packages_router
from api.workbench.referrals import router as referrals_router
from api.workbench.routes import router
from api.workbench.signin import router as sign_in_router
from api.workbench.updates import router as updates_router


def install(app: FastAPI) -> None:
    """Add the workbench's pages, its static files and the handler that turns a page's exit into its response."""
    app.include_router(sign_in_router)
    app.include_router(router)
    app.include_router(guidance_router)
    app.include_router(intelligence_router)
    app.include_router(packages_router)
    app.include_router(referrals_router)
    app.include_router(updates_router)
    app.mount("/workbench/static", StaticFiles(directory=STATIC_DIR), name="workbench-static")
    app.add_exception_handler(PageExit, page_exit)
