import pytest

from tests import factories


@pytest.fixture
def editor(db):
    return factories.make_editor("editor")


@pytest.fixture
def fact_checker(db):
    return factories.make_fact_checker("checker")


@pytest.fixture
def published_article(db):
    return factories.make_article()
