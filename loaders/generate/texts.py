"""The words of generated material and of reporters' descriptions.

Abuse is never spelt out: it is written as a bracketed placeholder ("[racial slur]", "[threat to kill]"), the
way the hub's own examples redact it. Features of an item (a threat, a published address) always show in its
text, so indicators derived from the features agree with what the text says.
"""

from __future__ import annotations

import random

from .draw import weighted

STRANDS = ("race", "religion", "sexual_orientation", "disability", "transgender", "other")
STRAND_WEIGHTS = (46, 14, 17, 8, 10, 5)
# Strands that are often reported together.
COMPANION = {"race": "religion", "religion": "race", "sexual_orientation": "transgender",
             "transgender": "sexual_orientation"}

# Feature names, in the fixed order texts and indicators are built in.
FEATURES = ("threat", "kill", "sexual", "doxx", "incitement")

_ABUSE = {
    "race": ("[racial slur]", "go back to where you came from", "[racist insult about skin colour]",
             "people like you don't belong in this country", "[racist remark about the victim's family]"),
    "religion": ("[anti-Muslim slur]", "[antisemitic slur]", "[insult about the victim's faith]",
                 "[anti-Sikh slur]", "your lot should all be deported", "[antisemitic conspiracy claim]"),
    "sexual_orientation": ("[homophobic slur]", "[biphobic insult]", "[homophobic abuse]",
                           "people like you are [homophobic slur]"),
    "disability": ("[ableist slur]", "[mockery of the victim's disability]",
                   "[insult about the victim's wheelchair]", "[ableist abuse]"),
    "transgender": ("[transphobic slur]", "[deliberate misgendering]", "[transphobic abuse]",
                    "[insult about the victim's transition]"),
    "other": ("[misogynistic abuse]", "[abuse about the victim's age]", "[sexist slur]"),
}
_FEATURE_TEXT = {
    "threat": ("you'll get [threat of violence]", "someone should [threat of violence]",
               "wait till we see you, [threat of violence]"),
    "kill": ("[threat to kill]", "you're dead, [threat to kill]", "[threat to kill the victim's family]"),
    "sexual": ("[sexual threat]", "[threat of sexual violence]"),
    "doxx": ("we know you live on [street name]", "here's where she lives: [victim's home address]",
             "works at [victim's workplace], go and say hello", "[victim's phone number] ring it"),
    "incitement": ("everyone go and tell them what you think", "[call to harass the victim]",
                   "[call to attack places of worship]", "share this everywhere and make them leave"),
}
_STRAND_PHRASE = {
    "race": ("calling me a [racial slur]", "telling me to go back to where I came from",
             "racist abuse about my skin colour"),
    "religion": ("abusing me because of my faith", "calling me a [anti-Muslim slur]",
                 "antisemitic abuse", "abuse about my turban"),
    "sexual_orientation": ("calling me a [homophobic slur]", "homophobic abuse", "abuse about my partner"),
    "disability": ("mocking my wheelchair", "calling me a [ableist slur]", "abuse about my disability"),
    "transgender": ("deliberately misgendering me", "calling me a [transphobic slur]", "transphobic abuse"),
    "other": ("misogynistic abuse", "abuse about my age"),
}
_THIRD_PERSON = {
    "race": "racist abuse", "religion": "religious hatred", "sexual_orientation": "homophobic abuse",
    "disability": "abuse mocking disabled people", "transgender": "transphobic abuse", "other": "abuse",
}
_FEATURE_SENTENCE = {
    "threat": ("It says I should be [threat of violence].", "They have threatened to hurt me."),
    "kill": ("One message says they will kill me.", "It includes a [threat to kill]."),
    "sexual": ("It includes a [sexual threat].",),
    "doxx": ("It has posted my street name.", "They have put my home address online.",
             "They have shared where I work."),
    "incitement": ("It tells other people to come after me.", "It is urging people to pile on."),
}
_FEATURE_WITNESS = {
    "threat": "It threatens violence.", "kill": "It includes a threat to kill.",
    "sexual": "It includes a sexual threat.", "doxx": "It looks like it names the person's street.",
    "incitement": "It is urging others to join in.",
}
_VERBS = {
    "post": "put up a post", "reply": "replied to me", "comment": "left a comment", "video": "made a video",
    "image": "posted a picture", "profile": "set up a profile", "group_message": "posted in a group",
    "direct_message": "sent me a message", "livestream": "went live",
}
KIND_WORDS = {
    "post": "post", "reply": "reply", "comment": "comment", "direct_message": "message",
    "group_message": "group post", "profile": "profile", "image": "picture", "video": "video",
    "livestream": "livestream", "other": "post",
}


def draw_strands(rng: random.Random) -> tuple[str, ...]:
    """Return the characteristics targeted by one item: one strand, sometimes with a companion."""
    first = weighted(rng, STRANDS, STRAND_WEIGHTS)
    companion = COMPANION.get(first)
    if companion and rng.random() < 0.18:
        return tuple(sorted((first, companion), key=STRANDS.index))
    return (first,)


def draw_features(rng: random.Random, *, targeted: bool) -> tuple[str, ...]:
    """Return an item's features in FEATURES order: threats and doxxing mostly when a person is targeted."""
    chosen = []
    if rng.random() < (0.32 if targeted else 0.12):
        chosen.append("threat")
        if rng.random() < 0.3:
            chosen.append("kill")
    if targeted and rng.random() < 0.05:
        chosen.append("sexual")
    if targeted and rng.random() < 0.12:
        chosen.append("doxx")
    if rng.random() < (0.08 if targeted else 0.3):
        chosen.append("incitement")
    return tuple(chosen)


def item_text(rng: random.Random, strands: tuple[str, ...], features: tuple[str, ...]) -> str:
    """Return the redacted words of an item: abuse for each strand, then a phrase for each feature."""
    parts = [rng.choice(_ABUSE[strand]) for strand in strands]
    parts += [rng.choice(_FEATURE_TEXT[feature]) for feature in features]
    text = ", ".join(parts)
    return text[0].upper() + text[1:] if rng.random() < 0.5 else text


def describe(
    rng: random.Random,
    *,
    scenario: str,
    role: str,
    platform: str,
    kind: str,
    strands: tuple[str, ...],
    features: tuple[str, ...],
    item_count: int,
    repeated: bool,
    victim_name: str | None,
) -> str:
    """Return a reporter's description of what happened, in the first person for victims."""
    kind_word = KIND_WORDS.get(kind, "post")
    plural = "s" if item_count > 1 else ""
    strand = strands[0] if strands else "other"
    if role == "victim":
        phrase = rng.choice(_STRAND_PHRASE[strand])
        openers = {
            "campaign": f"Dozens of accounts on {platform} posted exactly the same message at me within a few "
                        f"hours, {phrase}.",
            "dm": f"I keep getting direct messages on {platform} {phrase}.",
            "targeted": f"An account on {platform} keeps targeting me, {phrase}." if repeated
            else f"Someone on {platform} {_VERBS.get(kind, 'posted something')} {phrase}.",
            "none": f"I was abused online, {phrase}. I did not manage to save the messages.",
        }
        sentences = [openers.get(scenario, f"A {kind_word} on {platform} is {phrase}.")]
        sentences += [rng.choice(_FEATURE_SENTENCE[feature]) for feature in features]
        if repeated and scenario != "campaign":
            sentences.append(rng.choice(("This has happened before; I have blocked several accounts.",
                                         "It has been going on for weeks.", "They made a new account after I "
                                         "blocked the first one.")))
        sentences.append(rng.choice(("I am scared to go out.", "It has really upset me.",
                                     "I don't know what to do.", "Please can someone help.", "")))
    elif role == "third_party":
        who = victim_name or rng.choice(("My son", "My daughter", "My partner", "My friend", "My mum"))
        where = f"on {platform}" if scenario != "none" else f"in {platform}"
        sentences = [f"{who} has been targeted {where} with {_THIRD_PERSON[strand]}"
                     f"{f' ({item_count} {kind_word}{plural})' if item_count > 1 else ''}."]
        sentences += [_FEATURE_WITNESS[feature] for feature in features]
        sentences.append(rng.choice(("I am reporting for them because they are too upset to.",
                                     "They are very frightened.", "")))
    elif role == "organisation":
        about = f" aimed at {victim_name}" if victim_name else ""
        count = f"{item_count} {kind_word}{plural}" if item_count > 1 else f"a {kind_word}"
        sentences = [rng.choice((f"A service user reported {count} on {platform}{about}",
                                 f"We have received a report of {count} on {platform}{about}"))
                     + f": {_THIRD_PERSON[strand]}."]
        sentences += [_FEATURE_WITNESS[feature] for feature in features]
        sentences.append(rng.choice(("Referred for assessment.", "Links attached.",
                                     "The service user has asked us to report on their behalf.", "")))
    else:
        about = f" aimed at {victim_name}" if victim_name else ""
        subject = {
            "campaign": f"Lots of accounts on {platform} are posting the same message{about}",
            "viral": f"This {kind_word} on {platform} is being shared everywhere",
        }.get(scenario, f"I saw {item_count if item_count > 1 else 'a'} {kind_word}{plural} on {platform}{about}")
        sentences = [f"{subject}: {_THIRD_PERSON[strand]}."]
        sentences += [_FEATURE_WITNESS[feature] for feature in features]
    return " ".join(sentence for sentence in sentences if sentence)


def resubmission_description(rng: random.Random, original: str) -> str:
    """Return a reporter's second attempt at the same description: a note, a reworded opening."""
    note = rng.choice(("Reporting again as I did not get a reference number.", "Second report, same as before.",
                       "I already reported this but nobody has been in touch.", "Sending again in case the "
                       "first one did not go through.", "Update:"))
    sentences = original.split(". ")
    if len(sentences) > 2 and rng.random() < 0.5:
        sentences = sentences[:-1]
    return f"{note} {'. '.join(sentences)}".strip()
