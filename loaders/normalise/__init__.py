"""Pure normalisation of intake values: platforms, content URLs, identifiers and UK postcodes."""

from .identifiers import normalise_country, normalise_email, normalise_handle, normalise_name, normalise_phone
from .platforms import PLATFORM_DISPLAY_NAMES, normalise_platform, platform_from_host, platforms_named_in
from .postcodes import Postcode, find_postcode, looks_like_postcode, parse_outward, parse_postcode
from .urls import CanonicalContent, canonical_content, profile_of_handle

__all__ = [
    "PLATFORM_DISPLAY_NAMES",
    "CanonicalContent",
    "Postcode",
    "canonical_content",
    "find_postcode",
    "looks_like_postcode",
    "normalise_country",
    "normalise_email",
    "normalise_handle",
    "normalise_name",
    "normalise_phone",
    "normalise_platform",
    "parse_outward",
    "parse_postcode",
    "platform_from_host",
    "platforms_named_in",
    "profile_of_handle",
]
