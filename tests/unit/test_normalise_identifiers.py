"""Handles, emails, phone numbers, person names and countries in their matching forms."""

from __future__ import annotations

import pytest

from loaders.normalise import (
    normalise_country,
    normalise_email,
    normalise_handle,
    normalise_name,
    normalise_phone,
)


@pytest.mark.parametrize(
    ("handle", "platform", "expected"),
    [
        ("@N0rth_Patriot88", "X", "n0rth_patriot88"),
        ("n0rth_patriot88", "twitter", "n0rth_patriot88"),
        ("  @N0rth_Patriot88  ", None, "n0rth_patriot88"),
        ("@ N0rth_Patriot88", "X", "n0rth_patriot88"),
        ("dan.k_1990", "Instagram", "dan.k_1990"),
        ("DanKirby.Alt", "Instagram", "dankirby.alt"),
        ("laughs.daily_", "TikTok", "laughs.daily_"),
        ("@Laughs.Daily_", "TikTok", "laughs.daily_"),
        ("Gary Pike", "Facebook", "gary pike"),
        ("  Gary    Pike ", "Facebook", "gary pike"),
        ("gary.pike.5811", "Facebook", "gary.pike.5811"),
        ("u/SomeOne", "Reddit", "someone"),
        ("/u/SomeOne", "reddit", "someone"),
        ("N0rth\u200b_Patriot88", "X", "n0rth_patriot88"),
        ("\uff20N0rth_Patriot88", "X", "n0rth_patriot88"),
        ("https://x.com/N0rth_Patriot88", "X", "n0rth_patriot88"),
        ("instagram.com/Dan.K_1990/", None, "dan.k_1990"),
        ("https://www.facebook.com/gary.pike.5811", "Facebook", "gary.pike.5811"),
    ],
)
def test_normalise_handle(handle: str, platform: str | None, expected: str) -> None:
    assert normalise_handle(handle, platform) == expected


@pytest.mark.parametrize("handle", [None, "", "   ", "@", " @ "])
def test_blank_handles_give_none(handle: str | None) -> None:
    assert normalise_handle(handle) is None


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("amira.haddad@example.org", "amira.haddad@example.org"),
        ("  Amira.Haddad@Example.ORG ", "amira.haddad@example.org"),
        ("T.Reilly@example.net", "t.reilly@example.net"),
        ("<casework@example.org>", "casework@example.org"),
        ("mailto:Dan.Kirby90@Example.com", "dan.kirby90@example.com"),
        ("first+tag@sub.example.co.uk", "first+tag@sub.example.co.uk"),
    ],
)
def test_normalise_email(email: str, expected: str) -> None:
    assert normalise_email(email) == expected


@pytest.mark.parametrize(
    "email",
    [
        None, "", "   ", "not an email", "amira.haddad", "amira@example", "a@@example.org", "a@b@example.org",
        "amira haddad@example.org", "@example.org", "amira@", "amira@.org", "amira@example..org", "amira@-x.org",
    ],
)
def test_implausible_emails_give_none(email: str | None) -> None:
    assert normalise_email(email) is None


@pytest.mark.parametrize(
    ("phone", "region", "expected"),
    [
        ("+44 7700 900123", "GB", "+447700900123"),
        ("07700 900123", "GB", "+447700900123"),
        ("(0)7700-900-123", "GB", "+447700900123"),
        ("0044 7700 900123", "GB", "+447700900123"),
        ("+44 (0)7700 900123", "GB", "+447700900123"),
        ("07700900123", "GB", "+447700900123"),
        ("020 7946 0018", "GB", "+442079460018"),
        ("+44 (0) 20 7946 0018", "GB", "+442079460018"),
        ("01632 960001", "GB", "+441632960001"),
        ("+1 202 555 0143", "GB", "+12025550143"),
        ("(202) 555-0143", "US", "+12025550143"),
        ("+353 85 123 4567", "GB", "+353851234567"),
    ],
)
def test_normalise_phone(phone: str, region: str, expected: str) -> None:
    assert normalise_phone(phone, default_region=region) == expected


@pytest.mark.parametrize("phone", [None, "", "   ", "abc", "12345", "0770090012", "+44 7700 90012345", "+999 1234"])
def test_invalid_phones_give_none(phone: str | None) -> None:
    assert normalise_phone(phone) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Amira Haddad", "amira haddad"),
        ("  AMIRA   HADDAD ", "amira haddad"),
        ("Siân Pritchard", "sian pritchard"),
        ("Zoë Ó Súilleabháin", "zoe o suilleabhain"),
        ("O’Brien", "o'brien"),
        ("Jean-Luc Picard", "jean-luc picard"),
        ("Smith, John", "smith john"),
        ("Dr. Daniel Kirby", "dr daniel kirby"),
        ("- Kirby -", "kirby"),
        ("'Danny' Kirby", "danny kirby"),
        ("STRASSE Weiß", "strasse weiss"),
        ("Daniel\tKirby\n", "daniel kirby"),
        ("محمد علي", "محمد علي"),
    ],
)
def test_normalise_name(name: str, expected: str) -> None:
    assert normalise_name(name) == expected


@pytest.mark.parametrize("name", [None, "", "   ", "...", "-- ''"])
def test_blank_names_give_none(name: str | None) -> None:
    assert normalise_name(name) is None


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("GB", "GB"), ("gb", "GB"), (" uk ", "GB"), ("U.K.", "GB"), ("United Kingdom", "GB"),
        ("the United Kingdom", "GB"), ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"),
        ("Northern Ireland", "GB"), ("GBR", "GB"), ("Ireland", "IE"), ("IE", "IE"), ("USA", "US"),
        ("fr", "FR"),
    ],
)
def test_normalise_country(country: str, expected: str) -> None:
    assert normalise_country(country) == expected


@pytest.mark.parametrize("country", [None, "", "Narnia", "G", "G1", "123"])
def test_unrecognised_countries_give_none(country: str | None) -> None:
    assert normalise_country(country) is None
