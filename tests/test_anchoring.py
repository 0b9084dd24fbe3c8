"""When an article's body changes, statements follow their words or are flagged."""

import pytest
from django.core.exceptions import ValidationError

from stories.models import ArticleStatus, Correction, Statement
from tests.factories import make_article, make_statement

pytestmark = pytest.mark.django_db

BODY = (
    "The White House said Monday that a meeting could take place.\n\n"
    "The pair were found dead in England on March 4, according to The Independent.\n\n"
    "Russia has denied involvement in the deaths."
)


def edit_body(article, body):
    article.body = body
    article.save()
    return {s.pk: s for s in Statement.objects.filter(article=article)}


def test_statements_move_with_text_inserted_before_them():
    article = make_article(body=BODY)
    statement = make_statement(article, "Russia has denied involvement in the deaths.")
    moved = edit_body(article, "Editor's update: new paragraph first.\n\n" + BODY)[statement.pk]
    assert not moved.orphaned
    assert article.body[moved.start : moved.end] == "Russia has denied involvement in the deaths."


def test_a_repeated_quote_goes_to_the_occurrence_with_the_same_context():
    body = "Officials said no.\n\nLater, the mayor said: Officials said no.\n\nEnd."
    article = make_article(body=body)
    second = body.index("Officials said no.", 5)
    statement = Statement(article=article)
    statement.set_span(second, second + len("Officials said no."))
    statement.save()
    new_body = "Intro.\n\n" + body
    moved = edit_body(article, new_body)[statement.pk]
    assert moved.start == new_body.index("Officials said no.", 15)


def test_a_lightly_edited_quote_is_found_by_fuzzy_matching():
    article = make_article(body=BODY)
    statement = make_statement(
        article, "The pair were found dead in England on March 4, according to The Independent."
    )
    new_body = BODY.replace("in England on March 4", "in Salisbury, England, on 4 March")
    moved = edit_body(article, new_body)[statement.pk]
    assert not moved.orphaned
    assert moved.quote == (
        "The pair were found dead in Salisbury, England, on 4 March, according to The Independent."
    )


def test_a_statement_whose_words_are_gone_is_orphaned_not_moved_or_dropped():
    article = make_article(body=BODY)
    statement = make_statement(article, "Russia has denied involvement in the deaths.")
    rewritten = BODY.replace(
        "Russia has denied involvement in the deaths.", "Moscow rejected every accusation."
    )
    after = edit_body(article, rewritten)[statement.pk]
    assert after.orphaned
    assert after.quote == "Russia has denied involvement in the deaths."  # kept for the editor


def test_an_article_with_orphans_cannot_be_published():
    article = make_article(body=BODY, status=ArticleStatus.DRAFT)
    make_statement(article, "Russia has denied involvement in the deaths.")
    edit_body(article, BODY.replace("Russia has denied involvement in the deaths.", "Gone."))
    article.status = ArticleStatus.PUBLISHED
    with pytest.raises(ValidationError, match="lost their place"):
        article.save()


def test_corrections_are_reanchored_too():
    article = make_article(body=BODY)
    start = BODY.index("found dead")
    correction = Correction(article=article, text="They survived.")
    correction.set_span(start, start + len("found dead"))
    correction.save()
    edit_body(article, "New first paragraph.\n\n" + BODY)
    correction.refresh_from_db()
    assert article.body[correction.start : correction.end] == "found dead"


def test_an_orphan_is_never_marked_on_the_public_page(client):
    article = make_article(body=BODY)
    statement = make_statement(article, "Russia has denied involvement in the deaths.")
    edit_body(article, BODY.replace("Russia has denied involvement in the deaths.", "Gone."))
    statement.refresh_from_db()
    assert statement.orphaned
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<mark class="claim v-unchecked" id="{statement.anchor}"' not in html
    assert "<mark" not in html  # its old offsets now hold other words: nothing is marked
    assert "Russia has denied involvement in the deaths." in html  # still listed in the notes


def test_a_short_quote_is_not_moved_onto_the_same_words_elsewhere():
    body = "Peskov said the report was not correct.\n\nThe forecast was not correct either."
    article = make_article(body=body)
    statement = Statement(article=article)
    start = body.index("not correct")
    statement.set_span(start, start + len("not correct"))
    statement.save()
    after = edit_body(
        article, "Peskov said the report was wrong.\n\nThe forecast was not correct either."
    )[statement.pk]
    assert after.orphaned
