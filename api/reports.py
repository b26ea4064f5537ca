"""POST /api/reports: the intake endpoint for forces, platforms and third-party centres."""

from __future__ import annotations

import asyncio
import json
from functools import partial
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.auth import PrincipalDep
from api.deps import PortDep
from domain.access import AccessDenied, Right
from graph.audit import AuditEvent, Operation
from graph.intake import IntakeConflict, Status, ingest
from loaders.contract import ReportIn
from loaders.validation import RECORD, ReportInvalid, load_json, validate_report

MAX_BATCH = 500
CONTRACT = json.loads((Path(__file__).resolve().parents[1] / "contracts" / "report.schema.json").read_text())

router = APIRouter(prefix="/api", tags=["intake"])

_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    {"$ref": "#/components/schemas/Report"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Report"}, "minItems": 1, "maxItems": MAX_BATCH},
                ]
            }
        }
    },
}


@router.post(
    "/reports",
    summary="Submit one report, or a batch of up to 500",
    description=(
        "The body is one report (contracts/report.schema.json) or a JSON array of them. A batch is all or "
        "nothing: every record is validated first (422 lists each error with its index, field and reason), "
        "and a (source, reference) already received with different content refuses the batch (409). The same "
        "submission again changes nothing and answers `new: false`."
    ),
    openapi_extra={"requestBody": _REQUEST_BODY},
    responses={
        201: {"description": "at least one report was new"},
        200: {"description": "every report had been received already, unchanged"},
        409: {"description": "a (source, reference) was received before with different content"},
        401: {"description": "no bearer token, or one that is not valid"},
        403: {"description": "the caller's role may not submit reports"},
        413: {"description": "body larger than 5 MiB"},
        429: {"description": "the caller's rate limit is spent"},
        422: {"description": "a record breaks the contract"},
    },
)
async def submit_reports(request: Request, port: PortDep, principal: PrincipalDep) -> JSONResponse:
    try:
        principal.require(Right.SUBMIT_REPORTS)
    except AccessDenied as refusal:
        return JSONResponse({"detail": str(refusal)}, status_code=403)
    try:
        body = load_json(await request.body())
    except ValueError as failure:
        return _error(422, [{"index": None, "reference": None, "field": RECORD, "reason": f"body {failure}"}])
    single = not isinstance(body, list)
    records: list[Any] = [body] if single else body
    if not records:
        return _error(422, [{"index": None, "reference": None, "field": RECORD, "reason": "batch is empty"}])
    if len(records) > MAX_BATCH:
        reason = f"batch of {len(records)} reports is larger than the limit of {MAX_BATCH}"
        return _error(413, [{"index": None, "reference": None, "field": RECORD, "reason": reason}])

    reports: list[tuple[ReportIn, int | None]] = []
    problems = []
    for index, record in enumerate(records):
        try:
            reports.append((validate_report(record), index))
        except ReportInvalid as refusal:
            problems.extend(
                {"index": index, "reference": error.reference, "field": error.field, "reason": error.reason}
                for error in refusal.errors
            )
    if problems:
        return _error(422, problems)
    loop = asyncio.get_running_loop()
    try:
        outcomes = await loop.run_in_executor(
            request.app.state.executor,
            partial(ingest, port, reports, all_or_nothing=True, policies=request.app.state.policies,
                    collected_by=lambda ids: AuditEvent.by(principal, Operation.COLLECTION, "POST /api/reports",
                                                           node_ids=tuple(ids))),
        )
    except IntakeConflict as conflict:
        detail = [
            {"index": outcome.line, "reference": outcome.reference, "field": RECORD,
             "reason": f"{outcome.source}/{outcome.reference} was already received with different content"}
            for outcome in conflict.conflicts
        ]
        return _error(409, detail)
    results = [
        {"id": outcome.id, "source": outcome.source, "reference": outcome.reference,
         "new": outcome.status is Status.CREATED, "status": outcome.status.value}
        for outcome in outcomes
    ]
    status = 201 if any(result["new"] for result in results) else 200
    return JSONResponse(results[0] if single else {"results": results}, status_code=status)


def _error(status: int, detail: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def contract_schema() -> dict[str, Any]:
    """Return the intake contract as an OpenAPI component (JSON Schema 2020-12, as OpenAPI 3.1 allows)."""
    schema = {key: value for key, value in CONTRACT.items() if key not in ("$schema", "$id")}
    return schema
