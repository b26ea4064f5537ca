"""Fixtures shared by the integration tests: the policies in force, and a graph with the reference data."""

from __future__ import annotations

import pytest

from graph.policies import Policies, load_policies
from graph.port import GraphPort
from graph.reference import seed_reference


@pytest.fixture(scope="module")
def policies() -> Policies:
    """The shipped assessment and jurisdiction policies and leads directory, loaded once per module."""
    return load_policies()


@pytest.fixture
def seeded(graph: GraphPort) -> GraphPort:
    """The empty test graph with the force areas and postcode districts seeded."""
    seed_reference(graph)
    return graph
