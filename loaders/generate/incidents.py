"""Incidents of online hate and the reports made about them, as plans in the order they are received.

Each incident draws its material (items by perpetrators' accounts) and then the people and organisations who
report it: the victim, witnesses, third-party centres, forces, platforms and the hub's own officers.
"""

from __future__ import annotations

from .clock import DAY, HOUR, MINUTE
from .content import DM_PLATFORMS, Item
from .draw import weighted
from .identities import Person
from .plans import Campaign, Reporter, ReportPlan
from .texts import draw_features, draw_strands, item_text
from .vocabulary import HUB_NAME, PLATFORM_ORGANISATION
from .world import World

SCENARIOS = ("targeted", "dm", "public", "viral", "campaign", "none")
SCENARIO_WEIGHTS = (45, 25, 20.5, 1.1, 3.2, 5)
_VIRAL_KINDS = ("post", "video", "image", "livestream")
_CAMPAIGN_PLATFORMS = (("X", "Instagram", "TikTok", "Facebook", "YouTube"), (55, 15, 12, 10, 8))
_NO_CONTENT_PLACES = ("an online game", "a WhatsApp group", "Snapchat", "a Discord server", "Instagram")


def next_incident(world: World) -> list[ReportPlan]:
    """Return the reports about one new incident, resubmissions included, in the order they are received."""
    scenario = weighted(world.rng, SCENARIOS, SCENARIO_WEIGHTS)
    plans = _BUILDERS[scenario](world)
    plans += _resubmissions(world, plans)
    plans.sort(key=lambda plan: plan.received)
    return plans


def _plan(world: World, scenario: str, reporter: Reporter, source: str, *, victims: list[Person],
          items: list[Item], strands: tuple[str, ...], received: int, repeated: bool = False,
          knows: bool = False, campaign: Campaign | None = None) -> ReportPlan:
    referrer = None
    if source == "force_referral":
        reporter.anonymous = False
        home = reporter.person.force if reporter.person else None
        referrer = home or (victims[0].force if victims and victims[0].force else world.places.draw_force(world.rng))
    elif source == "platform_referral":
        referrer = items[0].platform
    return ReportPlan(
        scenario=scenario, source=source, received=received, reporter=reporter, victims=victims,
        self_report=reporter.role == "victim", items=items, strands=strands, repeated=repeated,
        knows_suspect=knows, referrer=referrer, campaign=campaign,
    )


def _victim_side(world: World, victim: Person) -> tuple[Reporter, str]:
    """Return who reports for a victim (themselves, a relative, a centre) and through which source."""
    rng = world.rng
    roll = rng.random()
    if roll < 0.05:
        return world.centre(), "third_party_centre"
    reporter = world.self_reporter(victim) if roll < 0.9 else world.third_party()
    return reporter, world.individual_source(reporter.role)


def _series(world: World, accounts: list, kinds: list[str], victim: Person | None,
            strands: tuple[str, ...]) -> tuple[list[Item], int]:
    """Return items posted one after another by the accounts in turn, each with its own features, and the
    time of the last; a profile seen again is the same item, with the time it was first seen."""
    rng = world.rng
    gaps = [rng.randint(10 * MINUTE, 2 * DAY) for _ in kinds[1:]]
    last = world.incident_time()
    posted = last - sum(gaps)
    items = []
    for index, kind in enumerate(kinds):
        account = accounts[index % len(accounts)]
        features = draw_features(rng, targeted=victim is not None)
        items.append(world.content.make(account, kind, text=item_text(rng, strands, features), strands=strands,
                                        features=features, posted=posted, victim=victim))
        posted += gaps[index] if index < len(gaps) else 0
    return items, last


def _targeted(world: World) -> list[ReportPlan]:
    rng = world.rng
    perpetrator = world.perpetrator()
    accounts = [rng.choice(perpetrator.accounts)]
    if len(perpetrator.accounts) > 1 and rng.random() < 0.3:
        accounts.append(rng.choice([a for a in perpetrator.accounts if a is not accounts[0]]))
    victim = world.victim(0.15)
    victims = [victim]
    if rng.random() < 0.06:  # a family or a couple targeted together
        victims += [world.victim(0.0) for _ in range(rng.randint(1, 2))]
    strands = draw_strands(rng)
    count = weighted(rng, (1, 2, 3, 4), (55, 27, 12, 6))
    kinds = [world.content.draw_kind(accounts[i % len(accounts)].platform) for i in range(count)]
    items, last = _series(world, accounts, kinds, victim, strands)
    repeated = count > 1 or world.is_repeat_victim(victim) or rng.random() < 0.15
    knows = rng.random() < 0.25
    reporter, source = _victim_side(world, victim)
    plans = [_plan(world, "targeted", reporter, source, victims=victims, items=items, strands=strands,
                   received=world.after(last, 10 * MINUTE, DAY), repeated=repeated, knows=knows)]
    if rng.random() < 0.12:
        witness = world.witness()
        plans.append(_plan(world, "targeted", witness, world.individual_source("witness"), victims=[victim],
                           items=[rng.choice(items)], strands=strands, received=world.after(last, MINUTE, DAY),
                           knows=rng.random() < 0.1))
    if reporter.role == "victim" and source == "public_web_form" and rng.random() < 0.06:
        again = world.self_reporter(victim)
        plans.append(_plan(world, "targeted", again, "force_referral", victims=victims, items=items,
                           strands=strands, received=world.after(last, DAY, 5 * DAY), repeated=repeated,
                           knows=knows))
    return plans


def _dm(world: World) -> list[ReportPlan]:
    rng = world.rng
    perpetrator = world.perpetrator()
    usable = [account for account in perpetrator.accounts if account.platform in DM_PLATFORMS]
    if not usable:
        return _targeted(world)
    accounts = [rng.choice(usable)]
    if len(usable) > 1 and rng.random() < 0.3:
        accounts.append(rng.choice([a for a in usable if a is not accounts[0]]))
    victim = world.victim(0.2)
    strands = draw_strands(rng)
    count = weighted(rng, (1, 2, 3, 4, 5, 6), (35, 25, 15, 10, 8, 7))
    items, last = _series(world, accounts, ["direct_message"] * count, victim, strands)
    repeated = count > 1 or world.is_repeat_victim(victim) or rng.random() < 0.3
    reporter = world.self_reporter(victim) if rng.random() < 0.92 else world.third_party()
    return [_plan(world, "dm", reporter, world.individual_source(reporter.role), victims=[victim], items=items,
                  strands=strands, received=world.after(last, 10 * MINUTE, DAY), repeated=repeated,
                  knows=rng.random() < 0.3)]


def _public(world: World, viral: bool = False) -> list[ReportPlan]:
    rng = world.rng
    account = rng.choice(world.perpetrator().accounts)
    kind = world.content.draw_kind(account.platform, public_only=True)
    if viral and kind not in _VIRAL_KINDS:
        kind = "video" if account.platform in ("TikTok", "YouTube") else "post"
    elif not viral and rng.random() < 0.04:
        kind = "profile"
    victim = world.victim(0.35 if viral else 0.15) if rng.random() < (0.3 if viral else 0.4) else None
    strands = draw_strands(rng)
    features = draw_features(rng, targeted=victim is not None)
    moment = world.incident_time()
    item = world.content.make(account, kind, text=item_text(rng, strands, features), strands=strands,
                              features=features, posted=moment, victim=victim)
    if viral:
        item.audience = max(item.audience or 0, int(rng.lognormvariate(10.5, 1.0)))
        count = 10 + int(min(70.0, (rng.paretovariate(1.6) - 1.0) * 15))
    else:
        count = weighted(rng, range(1, 10), (70, 14, 6, 3, 2, 1.5, 1.2, 1, 0.8))
    victims = [victim] if victim else []
    plans = []
    for index in range(count):
        items = [item]
        if kind != "profile" and rng.random() < 0.04:
            items.append(world.content.make(account, "profile", text=item_text(rng, strands, ()), strands=strands,
                                            features=(), posted=item.posted))
        received = world.after(moment, 5 * MINUTE, int(1.5 * DAY if viral else 2 * DAY))
        if index == 0 and victim is not None and rng.random() < 0.7:
            reporter, source = _victim_side(world, victim)
        else:
            reporter, source = _bystander(world, item, viral)
        plans.append(_plan(world, "viral" if viral else "public", reporter, source, victims=victims, items=items,
                           strands=strands, received=received, knows=rng.random() < 0.05))
    return plans


def _bystander(world: World, item: Item, viral: bool) -> tuple[Reporter, str]:
    """Return someone who came across public material: a witness, a centre, the platform or the hub."""
    roll = world.rng.random()
    if roll < (0.06 if viral else 0.03):
        return Reporter("organisation", organisation=PLATFORM_ORGANISATION[item.platform]), "platform_referral"
    if roll < (0.09 if viral else 0.04):
        return Reporter("organisation", organisation=HUB_NAME), "hub_officer"
    if roll < (0.18 if viral else 0.1):
        return world.centre(), "third_party_centre"
    witness = world.witness()
    return witness, world.individual_source("witness")


def _campaign(world: World) -> list[ReportPlan]:
    rng = world.rng
    platforms, weights = _CAMPAIGN_PLATFORMS
    platform = weighted(rng, platforms, weights)
    pools = world.people.accounts_by_platform
    if len(pools[platform]) < 5:
        platform = max(platforms, key=lambda name: len(pools[name]))
    size = min(len(pools[platform]), 5 + min(25, int((rng.paretovariate(1.4) - 1.0) * 6)))
    accounts = sorted(rng.sample(pools[platform], size), key=lambda account: account.id)
    victim = world.victim(0.4) if rng.random() < 0.7 else None
    strands = draw_strands(rng)
    features = draw_features(rng, targeted=victim is not None)
    text = item_text(rng, strands, features)
    world.next_campaign += 1
    campaign_id = f"C{world.next_campaign:05d}"
    start, window = world.incident_time(), rng.randint(HOUR, 12 * HOUR)
    kind = "reply" if platform == "X" else "comment"
    if victim is None and platform != "YouTube" and rng.random() < 0.4:
        kind = "video" if platform == "TikTok" else "post"
    items = [world.content.make(account, kind, text=text, strands=strands, features=features,
                                posted=start + rng.randint(0, window), text_group=campaign_id, victim=victim)
             for account in accounts]
    items.sort(key=lambda item: item.posted)
    campaign = Campaign(campaign_id, accounts, victim, text, items[0].posted, items[-1].posted)
    victims = [victim] if victim else []
    last = items[-1].posted
    plans = []

    def add(reporter: Reporter, source: str, chosen: list[Item], repeated: bool = False) -> None:
        chosen = sorted(chosen, key=lambda item: item.posted)
        plans.append(_plan(world, "campaign", reporter, source, victims=victims, items=chosen, strands=strands,
                           received=world.after(last, 20 * MINUTE, DAY), repeated=repeated, campaign=campaign))

    if victim is not None and rng.random() < 0.85:
        reporter, source = _victim_side(world, victim)
        chosen = items if rng.random() < 0.7 else rng.sample(items, rng.randint(min(5, len(items)), len(items)))
        add(reporter, source, chosen, repeated=True)
    for _ in range(rng.randint(0, 5) + (0 if victim else 2)):
        add(world.witness(), world.individual_source("witness"), rng.sample(items, rng.randint(1, min(3, len(items)))))
    if rng.random() < 0.3:
        add(Reporter("organisation", organisation=HUB_NAME), "hub_officer", items)
    if rng.random() < (0.1 if victim else 0.3):
        add(world.centre(), "third_party_centre", rng.sample(items, rng.randint(2, len(items))))
    return plans


def _no_content(world: World) -> list[ReportPlan]:
    rng = world.rng
    victim = world.victim(0.2)
    reporter = world.self_reporter(victim) if rng.random() < 0.9 else world.third_party()
    plan = _plan(world, "none", reporter, world.individual_source(reporter.role), victims=[victim], items=[],
                 strands=draw_strands(rng), received=world.after(world.incident_time(), HOUR, DAY),
                 repeated=rng.random() < 0.3)
    plan.place = rng.choice(_NO_CONTENT_PLACES)
    return [plan]


def _resubmissions(world: World, plans: list[ReportPlan]) -> list[ReportPlan]:
    """Return second submissions of some reports: same person, same material, a new reference."""
    rng = world.rng
    again = []
    for plan in plans:
        if not plan.individual or plan.reporter.anonymous or rng.random() >= 0.045:
            continue
        source = plan.source if rng.random() < 0.85 else "public_web_form"
        copy = _plan(world, plan.scenario, plan.reporter, source, victims=plan.victims, items=plan.items,
                     strands=plan.strands, received=world.after(plan.received, 2 * HOUR, 2 * DAY),
                     repeated=plan.repeated, knows=plan.knows_suspect, campaign=plan.campaign)
        copy.resubmission_of = plan
        copy.place = plan.place
        again.append(copy)
    return again


_BUILDERS = {
    "targeted": _targeted, "dm": _dm, "public": _public, "viral": lambda world: _public(world, viral=True),
    "campaign": _campaign, "none": _no_content,
}
