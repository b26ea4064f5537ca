"""Tokens and API keys: what is signed is what is read back; anything else is refused with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt
import pytest

from domain.access import AccessDenied, JustificationMissing, Principal, Right, Role, check_justification
from domain.tokens import (
    InvalidToken,
    hash_secret,
    issue_jwt,
    new_api_key,
    read_jwt,
    secret_matches,
    split_api_key,
)

SECRET = "s" * 40


def test_a_token_reads_back_as_the_principal() -> None:
    officer = Principal(user="j.smith", role=Role.FORCE_OFFICER, force="E23000005")
    token, token_id = issue_jwt(officer, secret=SECRET, ttl=timedelta(hours=1))
    read = read_jwt(token, secret=SECRET)
    assert (read.user, read.role, read.force, read.credential) == ("j.smith", Role.FORCE_OFFICER, "E23000005", token_id)


def test_expired_wrong_key_and_tampered_tokens_are_refused() -> None:
    lead = Principal(user="lead", role=Role.HUB_LEAD)
    long_ago = datetime.now(timezone.utc) - timedelta(days=2)
    expired, _ = issue_jwt(lead, secret=SECRET, ttl=timedelta(hours=1), now=long_ago)
    with pytest.raises(InvalidToken, match="expired"):
        read_jwt(expired, secret=SECRET)
    token, _ = issue_jwt(lead, secret=SECRET, ttl=timedelta(hours=1))
    with pytest.raises(InvalidToken, match="not valid"):
        read_jwt(token, secret="another-secret-" * 3)
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = jwt.encode({**claims, "role": "auditor"}, "guessed-" * 5, algorithm="HS256")
    with pytest.raises(InvalidToken):
        read_jwt(forged, secret=SECRET)
    unsigned = jwt.encode(claims, None, algorithm="none")
    with pytest.raises(InvalidToken):
        read_jwt(unsigned, secret=SECRET)


def test_ttl_is_bounded() -> None:
    with pytest.raises(ValueError):
        issue_jwt(Principal(user="a", role=Role.HUB_LEAD), secret=SECRET, ttl=timedelta(days=31))


def test_api_keys_store_only_a_hash_and_match_in_constant_time() -> None:
    key = new_api_key()
    key_id, secret = split_api_key(key.token)
    assert key_id == key.key_id and secret not in key.secret_hash
    assert secret_matches(secret, key.secret_hash)
    assert not secret_matches(secret + "x", key.secret_hash)
    assert key.secret_hash == hash_secret(secret)
    assert split_api_key("eyJhbGciOi.jwt.token") is None
    assert split_api_key("hub_short_x") is None


def test_roles_and_rights() -> None:
    officer = Principal(user="o", role=Role.FORCE_OFFICER, force="E23000005")
    assert officer.scope == {"all": False, "force": "E23000005"}
    assert Principal(user="a", role=Role.HUB_ANALYST).scope == {"all": True, "force": None}
    with pytest.raises(AccessDenied, match="force_officer may not review duplicate"):
        officer.require(Right.REVIEW_DUPLICATES)
    assert Principal(user="a", role=Role.HUB_ANALYST).contacts_withheld
    assert officer.contacts_withheld is None
    with pytest.raises(ValueError):
        Principal(user="o", role=Role.FORCE_OFFICER)
    with pytest.raises(ValueError):
        Principal(user="o", role=Role.HUB_LEAD, force="E23000005")


def test_justification_required_for_roles_handling_personal_data() -> None:
    with pytest.raises(JustificationMissing, match="X-Justification"):
        check_justification(Principal(user="a", role=Role.HUB_ANALYST), "  short ")
    assert check_justification(Principal(user="a", role=Role.HUB_ANALYST), " Op  Lantern enquiry ") == "Op Lantern enquiry"
    assert check_justification(Principal(user="x", role=Role.AUDITOR), None) is None
