"""The GraphQL node types of the read side and the links between them.

Every node is built from a row that its scoped Cypher returned; every nested list goes through a per-request
DataLoader (`api.graphql.loaders`), so a query costs one Cypher call per level, not one per parent.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from api.graphql.case_detail_types import CaseAssessment, CaseJurisdiction, assessment_of, jurisdiction_of
from api.graphql.context import Context
from api.graphql.extensions import ShownError
from api.graphql.loaders import force_cases_loader, link_loader, network_loader, node_loader
from api.graphql.pagination import Connection, connection, decode_cursor, page_size
from graph.port import Row
from graph.read.network import MAX_DEPTH

if TYPE_CHECKING:
    from api.graphql.referral_types import ItemRemoval

PERSONAL_KINDS = frozenset({"case", "report", "person", "account", "item"})


# -- loading ---------------------------------------------------------------------------------------

async def fetch_aligned(info: Info[Context, None], kind: str, ids: list[str]) -> list[Any]:
    """Return the nodes of `ids` built as GraphQL objects, None where out of scope; note personal data consulted."""
    rows = await node_loader(info.context, kind).load_many(ids)
    if kind in PERSONAL_KINDS:
        info.context.consulted(row["id"] for row in rows if row)
    return [None if row is None else BUILDERS[kind](row) for row in rows]


async def fetch_many(info: Info[Context, None], kind: str, ids: list[str]) -> list[Any]:
    """Return the visible nodes among `ids`, in order."""
    return [node for node in await fetch_aligned(info, kind, ids) if node is not None]


async def fetch_one(info: Info[Context, None], kind: str, node_id: str | None) -> Any:
    """Return one node, or None when it does not exist or the caller may not see it (the two look alike)."""
    if not node_id:
        return None
    [node] = await fetch_aligned(info, kind, [node_id])
    return node


async def children(info: Info[Context, None], link: str, parent: str, kind: str) -> list[Any]:
    """Return the visible nodes linked to `parent` through `link`."""
    rows = await link_loader(info.context, link).load(parent)
    return await fetch_many(info, kind, list(dict.fromkeys(row["id"] for row in rows)))


def _build(cls: type, row: Row, **extra: Any) -> Any:
    names = [field.name for field in dataclasses.fields(cls) if field.init and field.name not in extra]
    return cls(**{name: row.get(name) for name in names}, **extra)


# -- reference data --------------------------------------------------------------------------------

@strawberry.type(description="A platform (reference data).")
class Platform:
    id: strawberry.ID
    name: str


@strawberry.type(description="A police force area (reference data), by its ONS code.")
class Force:
    code: str
    name: str | None
    nation: str | None

    @strawberry.field(description="The cases this force owns or investigates that the caller may see, newest first.")
    async def cases(self, info: Info[Context, None], first: int | None = 20,
                    after: str | None = None) -> Connection[Case]:
        info.context.require_personal_data()
        size = page_size(first)
        decode_cursor(after)
        rows = await force_cases_loader(info.context).load((self.code, after, size))
        return connection(rows, await fetch_aligned(info, "case", [row["id"] for row in rows]), size)


# -- cases and reports -----------------------------------------------------------------------------

@strawberry.type(description="The unit of work: duplicate reports combined, with its assessment and jurisdiction.")
class Case:
    id: strawberry.ID
    status: str | None
    created_at: datetime | None
    classification: str | None
    priority: str | None
    cps_category: int | None
    charge_by: date | None
    owning_force: str | None = strawberry.field(description="Force code, or HUB when the hub retains the case.")
    investigating_force: str | None
    jurisdiction_explanation: str | None
    jurisdiction_uncertain: bool | None
    report_count: int

    @strawberry.field(description="The owning force (null when the hub retains the case).")
    async def owner(self, info: Info[Context, None]) -> Force | None:
        return await fetch_one(info, "force", self.owning_force if self.owning_force != "HUB" else None)

    @strawberry.field(description="The investigating force, where the policy names one.")
    async def investigator(self, info: Info[Context, None]) -> Force | None:
        return await fetch_one(info, "force", self.investigating_force)

    @strawberry.field(description="The reports combined in this case, oldest first.")
    async def reports(self, info: Info[Context, None]) -> list[Report]:
        return await children(info, "case_reports", self.id, "report")

    @strawberry.field(description="Cases linked with this one in a series, that the caller may see.")
    async def linked_cases(self, info: Info[Context, None]) -> list[Case]:
        return await children(info, "linked_cases", self.id, "case")

    @strawberry.field(description="The assessment in full: offences and their elements, the rule trace, overrides.")
    async def assessment(self, info: Info[Context, None]) -> CaseAssessment | None:
        return assessment_of(await node_loader(info.context, "case_detail").load(self.id))

    @strawberry.field(description="The jurisdiction decision in full: rules, inputs, history, shares, notices.")
    async def jurisdiction(self, info: Info[Context, None]) -> CaseJurisdiction | None:
        return jurisdiction_of(await node_loader(info.context, "case_detail").load(self.id))


@strawberry.type(description="One submission, as received.")
class Report:
    id: strawberry.ID
    source: str
    reference: str
    received_at: datetime | None
    description: str | None
    reporter_role: str | None
    anonymous: bool | None
    strands: list[str]
    occurred_from: datetime | None
    occurred_to: datetime | None
    ongoing: bool | None
    case_id: strawberry.Private[str | None]
    platform_ids: strawberry.Private[list[str]]

    @strawberry.field(description="The case this report is in.")
    async def case(self, info: Info[Context, None]) -> Case | None:
        return await fetch_one(info, "case", self.case_id)

    @strawberry.field(description="The content items reported, in the report's order.")
    async def content_items(self, info: Info[Context, None]) -> list[ContentItem]:
        return await children(info, "report_items", self.id, "item")

    @strawberry.field(description="The accounts the report names, as authors of its content or as suspects.")
    async def accounts(self, info: Info[Context, None]) -> list[Account]:
        return await children(info, "report_accounts", self.id, "account")

    @strawberry.field(description="Who made the report, as given.")
    async def reporter(self, info: Info[Context, None]) -> Person | None:
        people = await self._people(info, "reporter")
        return people[0] if people else None

    @strawberry.field(description="The people the report says were targeted, as given.")
    async def victims(self, info: Info[Context, None]) -> list[Person]:
        return await self._people(info, "victim")

    @strawberry.field(description="The people the report names as responsible, as given.")
    async def subjects(self, info: Info[Context, None]) -> list[Person]:
        return await self._people(info, "subject")

    @strawberry.field(description="The platforms of the report's content and named accounts.")
    async def platforms(self, info: Info[Context, None]) -> list[Platform]:
        return await fetch_many(info, "platform", self.platform_ids)

    async def _people(self, info: Info[Context, None], role: str) -> list[Person]:
        rows = await link_loader(info.context, "report_people").load(self.id)
        return await fetch_many(info, "person", [row["id"] for row in rows if row["role"] == role])


def _report(row: Row) -> Report:
    return _build(Report, row, platform_ids=sorted({p for p in row["platforms"] if p}))


# -- people ----------------------------------------------------------------------------------------

@strawberry.type(description="A victim's or reporter's contact details; all null, with the reason, when withheld.")
class Contact:
    email: str | None
    phone: str | None
    postcode: str | None
    withheld_reason: str | None


@strawberry.type(description="An account a person controls (resolved subjects) or was said to use (as given).")
class AccountLink:
    relation: str = strawberry.field(description="controls or said_to_use")
    confidence: float | None
    method: str | None
    evidence: list[str] | None = strawberry.field(description="Withheld (null) from force officers.")
    account: Account


@strawberry.type(description="A person as given in one report, or a resolved person (resolved: true).")
class Person:
    id: strawberry.ID
    name: str | None
    display_name: str | None
    date_of_birth: date | None
    organisation: str | None
    location: str | None
    resolved: bool
    resolved_role: str | None
    names: list[str]
    identifiers: list[str] = strawberry.field(description="A subject's e-mail and phone identifiers.")
    contactable: strawberry.Private[bool]
    email: strawberry.Private[str | None]
    phone: strawberry.Private[str | None]
    postcode: strawberry.Private[str | None]

    @strawberry.field(description="Contact details of a reporter or victim (null for anyone else).")
    def contact(self, info: Info[Context, None]) -> Contact | None:
        if not self.contactable:
            return None
        withheld = info.context.principal.contacts_withheld
        if withheld:
            return Contact(email=None, phone=None, postcode=None, withheld_reason=withheld)
        return Contact(email=self.email, phone=self.phone, postcode=self.postcode, withheld_reason=None)

    @strawberry.field(description="Accounts this person controls or was said to use, that the caller may see.")
    async def accounts(self, info: Info[Context, None]) -> list[AccountLink]:
        rows = await link_loader(info.context, "person_accounts").load(self.id)
        accounts = await fetch_aligned(info, "account", [row["id"] for row in rows])
        return [_build(AccountLink, row, account=account) for row, account in zip(rows, accounts) if account]

    @strawberry.field(description="Reports this person appears in (for a resolved person, through those it resolves).")
    async def reports(self, info: Info[Context, None]) -> list[Report]:
        return await children(info, "person_reports", self.id, "report")


# -- accounts and content --------------------------------------------------------------------------

@strawberry.type(description="An account's place in the network (null before `hub networks` runs).")
class RoleScores:
    community: str | None
    community_size: int | None
    degree: float | None
    weighted_degree: float | None
    pagerank: float | None
    betweenness: float | None


@strawberry.type(description="An account's repeat-offender standing; the evidence is withheld from force officers.")
class Offender:
    rank: int
    score: float | None
    kind: str | None
    evidence: list[str] | None


@strawberry.type(description="The resolved person controlling an account, with how sure the attribution is.")
class Control:
    confidence: float | None
    method: str | None
    evidence: list[str] | None = strawberry.field(description="Withheld (null) from force officers.")
    person: Person


@strawberry.type
class NetworkNode:
    id: str
    kind: str = strawberry.field(description="account, case, campaign or person")
    label: str


@strawberry.type
class NetworkEdge:
    source: str
    target: str
    kind: str = strawberry.field(description="named_in_case, in_campaign or controlled_by")


@strawberry.type(description="Accounts linked through shared cases, campaigns or a controlling person, capped.")
class AccountNetwork:
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    truncated: bool


@strawberry.type(description="One account on one platform.")
class Account:
    id: strawberry.ID
    handle: str | None
    display_name: str | None
    profile_url: str | None
    offender_rank: int | None
    role_scores: RoleScores | None
    offender: Offender | None
    platform_id: strawberry.Private[str | None]

    @strawberry.field
    async def platform(self, info: Info[Context, None]) -> Platform | None:
        return await fetch_one(info, "platform", self.platform_id)

    @strawberry.field(description="Reports naming this account that the caller may see, newest first.")
    async def reports(self, info: Info[Context, None]) -> list[Report]:
        return await children(info, "account_reports", self.id, "report")

    @strawberry.field(description="Content this account posted that the caller may see.")
    async def content_items(self, info: Info[Context, None]) -> list[ContentItem]:
        return await children(info, "account_items", self.id, "item")

    @strawberry.field
    async def campaigns(self, info: Info[Context, None]) -> list[Campaign]:
        return await children(info, "account_campaigns", self.id, "campaign")

    @strawberry.field(description="The resolved person controlling this account (CONTROLS), if attributed.")
    async def controller(self, info: Info[Context, None]) -> Control | None:
        rows = await link_loader(info.context, "account_controllers").load(self.id)
        people = await fetch_aligned(info, "person", [row["id"] for row in rows])
        found = [_build(Control, row, person=person) for row, person in zip(rows, people) if person]
        return found[0] if found else None

    @strawberry.field(description="Accounts linked to this one, 1 or 2 hops out, within the caller's scope.")
    async def network(self, info: Info[Context, None], depth: int = 1) -> AccountNetwork:
        if depth not in range(1, MAX_DEPTH + 1):
            raise ShownError(f"network depth must be 1 or {MAX_DEPTH}, not {depth}")
        found = await network_loader(info.context).load((self.id, self.handle, depth))
        info.context.consulted(node["id"] for node in found.nodes.values() if node["kind"] != "campaign")
        return AccountNetwork(nodes=[NetworkNode(**node) for node in found.nodes.values()],
                              edges=[NetworkEdge(**edge) for edge in found.edges.values()],
                              truncated=found.truncated)


def _account(row: Row) -> Account:
    scores = None
    if row.get("community") is not None or row.get("degree") is not None:
        scores = _build(RoleScores, {**row, "community": None if row.get("community") is None else str(row["community"])})
    offender = None
    if row.get("offender_rank") is not None:
        offender = Offender(rank=row["offender_rank"], score=row.get("offender_score"), kind=row.get("offender_kind"),
                            evidence=row.get("offender_evidence"))
    return _build(Account, row, role_scores=scores, offender=offender, platform_id=row.get("platform"))


@strawberry.type(description="One post, reply, message, video or profile, by its canonical key.")
class ContentItem:
    key: strawberry.ID
    kind: str | None
    canonical_url: str | None
    text: str | None
    posted_at: datetime | None
    has_url: bool
    platform_id: strawberry.Private[str | None]
    removal_row: strawberry.Private[Row | None] = None

    @strawberry.field
    async def platform(self, info: Info[Context, None]) -> Platform | None:
        return await fetch_one(info, "platform", self.platform_id)

    @strawberry.field(description="Its removal by the platform, where recorded (platform referrals); null while up.")
    def removal(self) -> Annotated["ItemRemoval", strawberry.lazy("api.graphql.referral_types")] | None:
        from api.graphql.referral_types import removal_of

        return removal_of(self.removal_row)

    @strawberry.field(description="The account that posted it.")
    async def account(self, info: Info[Context, None]) -> Account | None:
        accounts = await children(info, "item_accounts", self.key, "account")
        return accounts[0] if accounts else None

    @strawberry.field(description="Reports concerning this item that the caller may see.")
    async def reports(self, info: Info[Context, None]) -> list[Report]:
        return await children(info, "item_reports", self.key, "report")

    @strawberry.field(description="The campaigns this item is part of.")
    async def campaigns(self, info: Info[Context, None]) -> list[Campaign]:
        return await children(info, "item_campaigns", self.key, "campaign")

    @strawberry.field(description="The (first) campaign this item is part of.")
    async def campaign(self, info: Info[Context, None]) -> Campaign | None:
        campaigns = await children(info, "item_campaigns", self.key, "campaign")
        return campaigns[0] if campaigns else None


def _item(row: Row) -> ContentItem:
    return _build(ContentItem, row, key=row["id"], platform_id=row.get("platform"), removal_row=row)


# -- campaigns -------------------------------------------------------------------------------------

@strawberry.type
class Span:
    start: datetime | None
    end: datetime | None


@strawberry.type(description="A pile-on or copy-paste burst; counts only what the caller may see.")
class Campaign:
    id: strawberry.ID
    kind: str | None
    span: Span
    strength: float | None
    evidence: list[str] | None = strawberry.field(description="Withheld (null) from force officers.")
    account_count: int
    victim_count: int

    @strawberry.field(description="The campaign's accounts that the caller may see.")
    async def accounts(self, info: Info[Context, None]) -> list[Account]:
        return await children(info, "campaign_accounts", self.id, "account")

    @strawberry.field(description="The campaign's content items that the caller may see.")
    async def items(self, info: Info[Context, None]) -> list[ContentItem]:
        return await children(info, "campaign_items", self.id, "item")


BUILDERS: dict[str, Any] = {
    "case": lambda row: _build(Case, row),
    "report": _report,
    "person": lambda row: _build(Person, row),
    "account": _account,
    "item": _item,
    "campaign": lambda row: _build(Campaign, row, span=Span(start=row.get("start"), end=row.get("end"))),
    "platform": lambda row: _build(Platform, row),
    "force": lambda row: _build(Force, row, code=row["id"]),
}
