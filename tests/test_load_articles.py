import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from stories import extraction, importing
from stories.importing import ArticleError, parse_published, parse_text, split_credit
from stories.models import (
    Article,
    ArticleStatus,
    Entity,
    MergeSuggestion,
    Source,
    SourceKind,
    Statement,
    StatementKind,
    Story,
)
from tests.factories import SAMPLES, make_source

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data" / "loading"
SEEDS = Path(__file__).resolve().parent / "data" / "seeds"

GOOD = (
    "Outlet: Test Wire\n\nA good headline\n\n"
    "The minister said on Monday that the bridge would open.\n"
)


def load(*paths, **options):
    """call_command("load_articles"), returning (stdout, stderr, CommandError or None)."""
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("load_articles", *map(str, paths), stdout=out, stderr=err, **options)
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def statement(start_of_quote):
    return Statement.objects.select_related("source__affiliation", "via").get(
        quote__startswith=start_of_quote
    )


@pytest.fixture
def samples():
    out, err, error = load(SAMPLES)
    assert error is None, err
    return out


# --- The samples ------------------------------------------------------------------------------


def test_samples_load_as_two_articles_of_one_story(samples):
    assert Article.objects.count() == 2
    assert Story.objects.get().articles.count() == 2
    nbc = Article.objects.get(headline__startswith="Possible Trump-Putin meeting")
    assert nbc.outlet.name == "NBC News" and nbc.outlet.kind == SourceKind.OUTLET
    assert nbc.published_at == datetime.datetime(2018, 4, 2, tzinfo=datetime.UTC)
    assert nbc.status == ArticleStatus.PUBLISHED


def test_white_house_statement_is_the_white_houses(samples):
    found = statement("The White House said Monday")
    assert (found.source.name, found.source.kind, found.kind) == (
        "White House",
        SourceKind.GOVERNMENT,
        StatementKind.INDIRECT,
    )
    assert found.attribution == "said"


def test_sanders_is_one_source_with_both_her_statements(samples):
    sanders = Source.objects.get(name="Sarah Huckabee Sanders")
    assert sanders.kind == SourceKind.PERSON
    assert sanders.role == "White House Press Secretary"
    assert sanders.affiliation.name == "White House"
    quotes = list(sanders.statements.order_by("start").values_list("quote", "kind"))
    assert len(quotes) == 2
    assert quotes[0][0].startswith("White House Press Secretary Sarah Huckabee Sanders")
    assert quotes[1] == (
        '"We have nothing further to add at this time," Sanders added.',
        StatementKind.DIRECT,
    )


def test_kremlin_statements_come_via_the_associated_press(samples):
    kremlin = Source.objects.get(name="Kremlin")
    relayed = kremlin.statements.filter(article__outlet__name="NBC News")
    assert relayed.count() == 2
    assert {s.via.name for s in relayed} == {"The Associated Press"}
    assert Source.objects.named("AP") == Source.objects.named("Associated Press")
    assert statement("Donald Trump has invited").via.name == "USA Today"


def test_ushakov_is_one_source_across_both_spellings_and_articles(samples):
    ushakov = Source.objects.get(name="Yuri Ushakov")
    assert not Source.objects.filter(name="Yury Ushakov").exists()
    assert ushakov.aliases == ["Yury Ushakov"]
    assert ushakov.role == "Putin aide"
    assert ushakov.statements.values("article").distinct().count() == 2
    told = statement("A Putin aide, Yuri Ushakov")
    assert (told.via.name, told.attribution) == (
        "The Associated Press",
        "told Russian news agencies",
    )
    assert statement("Ushakov said that the U.S.").via.name == "The Associated Press"
    assert statement('"Against the backdrop').source == ushakov


def test_peskov_told_cnn_so_cnn_is_the_relay(samples):
    peskov = statement("Kremlin spokesman Dmitry Peskov").source
    assert peskov.name == "Dmitry Peskov"
    assert peskov.role == "Kremlin spokesman"
    assert peskov.affiliation.name == "Kremlin"
    assert peskov.affiliation.kind in (SourceKind.GOVERNMENT, SourceKind.ORGANISATION)
    assert statement("Kremlin spokesman Dmitry Peskov").via.name == "CNN"


def test_tass_and_media_bias_fact_check_are_found(samples):
    tass = Source.objects.get(name="TASS")
    assert tass.kind == SourceKind.OUTLET
    assert "Russian news agency" in (tass.role, tass.description)
    assert statement("According to Russian news agency TASS").source == tass
    assert statement("According to the outlet").source == tass
    assert statement('"During a telephone conversation').source == tass
    mbfc = statement("It bears noting that TASS").source
    assert mbfc.name == "Media Bias/Fact Check"


def test_found_dead_sentence_is_the_independents(samples):
    found = statement("The pair were found dead")
    assert found.source.name == "The Independent"
    assert found.source.kind == SourceKind.OUTLET


def test_president_told_reporters_resolves_to_trump(samples):
    assert statement("Following that call").source.name == "Donald Trump"
    assert statement("Following that call").kind == StatementKind.PARTIAL


def test_a_hedged_claim_with_no_source_is_not_a_statement(samples):
    assert not Statement.objects.filter(quote__startswith="Earlier in the week").exists()


def test_caption_and_credit_are_split_and_kept_out_of_the_body(samples):
    nbc = Article.objects.get(outlet__name="NBC News")
    assert nbc.caption.endswith("on Nov. 11, 2017.")
    assert nbc.caption_credit == "Jorge Silva / AFP - Getty Images"
    assert nbc.dek.startswith("A possible face-to-face meeting")
    for article in Article.objects.all():
        assert "Getty Images" not in article.body
        assert "SHARE THIS" not in article.body
        assert not article.body.startswith(article.dek or "\0")


def test_every_line_of_the_second_sample_is_its_own_paragraph(samples):
    article = Article.objects.get(headline__startswith="Donald Trump Invited")
    assert '"Against the backdrop' in article.paragraphs[6]
    assert article.paragraphs[7].startswith("According to Russian news agency TASS")
    assert article.paragraphs[8].startswith('"During a telephone conversation')
    assert all(p == " ".join(p.split()) for p in article.paragraphs)


def test_statement_spans_index_the_body(samples):
    for found in Statement.objects.select_related("article"):
        assert found.article.body[found.start : found.end] == found.quote
        found.full_clean()


def test_articles_are_tagged_with_the_entities_they_mention(samples):
    nbc = Article.objects.get(outlet__name="NBC News")
    names = set(nbc.tags.values_list("name", flat=True))
    assert {"Donald Trump", "Vladimir Putin", "Kremlin", "White House", "NATO"} <= names
    assert {"Monday", "SHARE THIS", "Nov", "Following", "Last"}.isdisjoint(names)
    assert Entity.objects.get(name="Vladimir Putin").kind == "person"
    assert Entity.objects.get(name="Argentina").kind == "place"
    assert Entity.objects.get(name="Yuri Ushakov").aliases == ["Yury Ushakov"]
    assert Source.objects.get(name="Dmitry Peskov").entity.name == "Dmitry Peskov"


def test_a_body_quoted_under_an_implied_name_is_an_entity_too(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: Test Wire\n\nTalks resume\n\n"
        "Delegations agreed on Sunday to resume talks, Egypt's foreign ministry said.\n"
    )
    out, err, error = load(tmp_path)
    assert error is None, err
    source = Statement.objects.get().source
    assert source.name == "Egyptian Foreign Ministry"
    article = Article.objects.get()
    assert "Egyptian Foreign Ministry" in set(article.tags.values_list("name", flat=True))
    assert Source.objects.get(pk=source.pk).entity.name == "Egyptian Foreign Ministry"


def test_the_outlets_own_programme_is_no_relay(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: BBC News\n\nMinister under pressure\n\n"
        "Dan Whitlock told BBC Radio 4's Today programme that the minister had questions to "
        "answer.\n\n"
        "Ann Ray told the dpa news agency that the talks had stalled.\n"
    )
    out, err, error = load(tmp_path)
    assert error is None, err
    vias = dict(Statement.objects.values_list("source__name", "via__name"))
    assert vias == {"Dan Whitlock": None, "Ann Ray": "Deutsche Presse-Agentur"}
    assert not Source.objects.filter(name__startswith="BBC Radio").exists()


def test_the_headerless_seeds_load_with_the_outlet_given_on_the_command_line():
    out, err, error = load(SEEDS / "000_61e61ccaf47142ac.txt", outlet="NBC News")
    assert error is None, err
    assert Article.objects.get().outlet.name == "NBC News"


# --- Running it again, dry runs, failures -----------------------------------------------------


def test_loading_again_changes_nothing_and_says_so(samples):
    counts = [m.objects.count() for m in (Article, Statement, Source, Entity, Story)]
    out, err, error = load(SAMPLES)
    assert error is None
    assert sum(line.startswith("unchanged: ") for line in out.splitlines()) == 2
    assert "articles created: 0, updated: 0, unchanged: 2, failed: 0" in out
    assert [m.objects.count() for m in (Article, Statement, Source, Entity, Story)] == counts


def test_summary_counts_what_was_created(samples):
    assert "articles created: 2, updated: 0, unchanged: 0, failed: 0" in samples
    assert f"statements added: {Statement.objects.count()}" in samples
    assert f"sources: {Source.objects.count()}" in samples
    assert f"entities: {Entity.objects.count()}" in samples


def test_dry_run_shows_what_it_would_create_and_writes_nothing():
    out, err, error = load(SAMPLES, dry_run=True)
    assert error is None
    assert out.count("would create: ") == 2
    assert "[direct] Sarah Huckabee Sanders" in out
    assert "Dry run" in out
    for model in (Article, Statement, Source, Entity, Story):
        assert not model.objects.exists()


def test_verbosity_zero_is_quiet(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    out, err, error = load(tmp_path, verbosity=0)
    assert (out, err, error) == ("", "", None)
    assert Article.objects.count() == 1


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"\n \n\t\n", "empty file"),
    "latin1.txt": ("Caf\xe9 owner speaks\n\nShe said so.".encode("latin-1"), "not UTF-8"),
    "binary.txt": (b"Headline\n\nBody\x00\x01\x02", "binary file"),
    "header-only.txt": (b"Outlet: Test Wire\nStory: Nothing\n\n\n", "no headline"),
    "headline-only.txt": (b"Just a headline\n", "no body"),
    "bad-header.txt": (b"Outlet: Test Wire\nColour: blue\n\nHeadline\n\nBody.", "line 2"),
    "bad-date.txt": (b"Published: soon\n\nHeadline\n\nBody text.", "cannot read the date"),
    "bad-status.txt": (b"Status: maybe\n\nHeadline\n\nBody text.", "unknown status"),
    "bad-url.txt": (b"URL: not a url\n\nHeadline\n\nBody text.", "url"),
    "broken.jsonl": (b'{"headline": "One", "body": "Text."}\n{"headline": \n', "line 2"),
    "not-an-object.jsonl": (b"[1, 2]\n", "expected a JSON object"),
    "bad-record.jsonl": (
        b'{"headline": "H", "body": "B", "statements": [{"start": 5}]}\n',
        "start",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_gets_one_line_and_the_good_files_still_load(tmp_path, name):
    content, problem = BAD_FILES[name]
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD)
    out, err, error = load(tmp_path)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert name in lines[0] and problem in lines[0]
    assert isinstance(error, CommandError) and "1 could not be loaded" in str(error)
    assert Article.objects.filter(headline="A good headline").exists()
    assert "failed: 1" in out


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "big.txt").write_text(GOOD + "More words here. " * 100)
    (tmp_path / "small.txt").write_text("Small\n\nShe said it.\n")
    out, err, error = load(tmp_path, max_bytes=500)
    assert "big.txt: too large" in err and "500" in err
    assert error is not None
    assert list(Article.objects.values_list("headline", flat=True)) == ["Small"]


def test_a_missing_path_is_an_error(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out, err, error = load(tmp_path / "nope.txt", tmp_path)
    assert "nope.txt: no such file or directory" in err
    assert error is not None
    assert Article.objects.count() == 1


def test_folders_are_searched_for_text_and_jsonl_but_not_hidden_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(GOOD)
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nShe said so.\n")
    (tmp_path / "notes.md").write_text("Not an article\n\nShe said so.\n")
    out, err, error = load(tmp_path)
    assert error is None
    assert list(Article.objects.values_list("headline", flat=True)) == ["A good headline"]


def test_a_failure_inside_an_article_leaves_nothing_half_written(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(
        "Headline\n\nForeign Minister Jane Roe said in Paris that the talks had failed.\n"
    )
    calls = []

    def entity_for(self, *args, **kwargs):
        calls.append(args)
        raise DatabaseError("disk on fire")

    monkeypatch.setattr(extraction.EntityDirectory, "entity_for", entity_for)
    out, err, error = load(tmp_path)
    assert calls, "the failure happened after the article and its statements were written"
    assert "a.txt: disk on fire" in err
    assert error is not None
    for model in (Article, Statement, Source, Story):
        assert not model.objects.exists()


def test_an_invalid_statement_rolls_back_its_article_only(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("Other headline\n\nNothing attributed here at all.\n")
    original = Statement.full_clean

    def full_clean(self, *args, **kwargs):
        if self.quote.startswith("The minister"):
            raise ValidationError("broken statement")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Statement, "full_clean", full_clean)
    out, err, error = load(tmp_path)
    assert "a.txt: invalid article: broken statement" in err
    assert list(Article.objects.values_list("headline", flat=True)) == ["Other headline"]
    assert not Source.objects.exists()


def test_notes_separators_and_embedded_posts_stay_out_of_the_body():
    parsed = parse_text(
        "Headline\n\n"
        "The council said the pool would reopen.\n\n"
        "We did it! The pool is back.\n"
        "— Councillor Ann Reyes (@AnnReyes) May 2, 2024\n\n"
        "Editor's note: An earlier version of this story misstated the date.\n\n"
        "___\n\n"
        "Associated Press writers Jo Bell in Leeds and Sam Ode in York contributed to this "
        "report.\n\n"
        "(Reporting by Jo Bell; Editing by Sam Ode)\n\n"
        "This story has been updated.\n"
    )
    assert parsed.body == "The council said the pool would reopen."


def test_a_short_paragraph_before_the_dateline_is_the_standfirst():
    parsed = parse_text(
        "Headline\n\nA short standfirst about the vote.\n\n"
        "ROME (Reuters) - The senate voted on Tuesday.\n"
    )
    assert parsed.dek == "A short standfirst about the vote."
    assert parsed.body.startswith("ROME (Reuters)")


def test_statements_carry_their_confidence(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Headline\n\n"
        '"We will appeal," Mayor Ines Varga said on Monday.\n\n'
        "She said the ruling was wrong.\n"
    )
    load(tmp_path)
    named = statement('"We will appeal')
    pronoun = statement("She said")
    assert named.source == pronoun.source
    assert named.confidence > pronoun.confidence
    assert named.source_confidence > pronoun.source_confidence


def test_an_unsure_namesake_in_another_article_gets_a_merge_suggestion(tmp_path):
    (tmp_path / "1.txt").write_text("First\n\nJohn Walsh said the plant would close.\n")
    (tmp_path / "2.txt").write_text("Second\n\nJon Walsh said the plant would stay open.\n")
    (tmp_path / "3.txt").write_text("Third\n\nMary Walsh said nothing was decided.\n")
    (tmp_path / "4.txt").write_text("Fourth\n\nJohn Walsh said it again on Friday.\n")
    load(tmp_path)
    john = Source.objects.get(name="John Walsh")
    jon = Source.objects.get(name="Jon Walsh")
    assert john.statements.count() == 2  # the same name is the same source
    suggestion = MergeSuggestion.objects.get()
    assert (suggestion.source, suggestion.candidate) == (john, jon)
    assert Source.objects.filter(name="Mary Walsh").exists()  # plainly someone else


def test_sources_new_in_one_article_are_linked_and_suggested_among_themselves(tmp_path):
    # An article's new sources are inserted together: one that is another's affiliation, or
    # a namesake to suggest merging with, is new in the same article.
    (tmp_path / "1.txt").write_text(
        "Plant closes\n\n"
        "Harbor Freightways said the plant would close in March.\n\n"
        "Jane Roe, a spokeswoman for Harbor Freightways, said the workers had been told.\n\n"
        "John Walsh said the plant would close.\n\n"
        "Jon Walsh said the plant would stay open.\n"
    )
    load(tmp_path)
    roe = statement("Jane Roe").source
    assert (roe.name, roe.affiliation.name) == ("Jane Roe", "Harbor Freightways")
    assert roe.affiliation == statement("Harbor Freightways said").source
    suggestion = MergeSuggestion.objects.get()
    assert {suggestion.source.name, suggestion.candidate.name} == {"John Walsh", "Jon Walsh"}

    # Loading it again finds them all, and makes nothing new.
    def counts():
        return Source.objects.count(), Entity.objects.count(), MergeSuggestion.objects.count()

    before = counts()
    (tmp_path / "2.txt").write_text((tmp_path / "1.txt").read_text().replace("March", "May"))
    load(tmp_path / "2.txt")
    assert counts() == before


@pytest.mark.parametrize(
    "paragraphs, person, affiliation",
    [
        (  # a source saved before gets an affiliation new in this article
            [
                "Jane Roe, a spokeswoman for Senator John Walsh, said the plan would fail.",
                "Harbor Freightways said the plant would close in March.",
                "John Walsh, a spokesman for Harbor Freightways, said the workers had been told.",
            ],
            "John Walsh",
            "Harbor Freightways",
        ),
        (  # a new source gets an affiliation new in this article, on its second mention
            [
                "Harbor Freightways said the plant would close in March.",
                "Jane Roe said the workers had been told.",
                "Jane Roe, a spokeswoman for Harbor Freightways, said talks would go on.",
            ],
            "Jane Roe",
            "Harbor Freightways",
        ),
        (  # the first affiliation stays
            [
                "Harbor Freightways said the plant would close in March.",
                "Jane Roe, a spokeswoman for Harbor Freightways, said talks would go on.",
                "Jane Roe, a spokeswoman for Acme Logistics, said the talks had failed.",
            ],
            "Jane Roe",
            "Harbor Freightways",
        ),
    ],
)
def test_an_affiliation_new_in_the_same_article_is_kept(tmp_path, paragraphs, person, affiliation):
    (tmp_path / "1.txt").write_text("Plant closes\n\n" + "\n\n".join(paragraphs) + "\n")
    out, err, error = load(tmp_path)
    assert error is None and "error" not in err, err
    assert Source.objects.get(name=person).affiliation.name == affiliation


def test_a_namesake_new_in_the_same_article_gets_a_merge_suggestion(tmp_path):
    (tmp_path / "1.txt").write_text(
        "Plant closes\n\nJ. Walsh said the plan was fine.\n\n"
        "Jane Roe, a spokeswoman for Senator John Walsh, said the plan would fail.\n"
    )
    out, err, error = load(tmp_path)
    assert error is None and "error" not in err, err
    suggestion = MergeSuggestion.objects.get()
    assert {suggestion.source.name, suggestion.candidate.name} == {"J. Walsh", "John Walsh"}


def test_new_rows_are_inserted_one_by_one_where_a_bulk_insert_gives_no_keys(tmp_path, monkeypatch):
    from django.db import connection

    monkeypatch.setattr(type(connection.features), "can_return_rows_from_bulk_insert", False)
    (tmp_path / "1.txt").write_text(
        "Plant closes\n\nHarbor Freightways said the plant would close in March.\n\n"
        "An official said the workers had been told.\n"
    )
    out, err, error = load(tmp_path)
    assert error is None and "error" not in err, err
    assert statement("Harbor Freightways said").source.name == "Harbor Freightways"
    assert statement("An official said").source.kind == SourceKind.ANONYMOUS


def test_articles_are_committed_in_groups_and_a_bad_one_still_stops_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(importing.Loader, "GROUP_SIZE", 2)
    for n in range(1, 6):
        (tmp_path / f"{n}.txt").write_text(f"Headline {n}\n\nThe minister said {n} would do.\n")
    (tmp_path / "3.txt").write_bytes(b"Headline 3\n\nBody\x00")
    out, err, error = load(tmp_path)
    assert "3.txt: binary file" in err
    assert Article.objects.count() == 4
    assert [line.split(": ")[1][:10] for line in out.splitlines() if "created:" in line[:9]] == [
        "Headline 1",
        "Headline 2",
        "Headline 4",
        "Headline 5",
    ]


# --- Metadata ---------------------------------------------------------------------------------


def test_header_gives_the_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: the associated press\nURL: https://example.org/a\nPublished: April 2, 2018\n"
        "Byline: Jane Doe\nStory: Summit watch\nStatus: draft\nDek: A short standfirst.\n\n"
        "Headline here\n\nA short standfirst.\n\nThe minister said the bridge would open.\n"
    )
    load(tmp_path)
    article = Article.objects.select_related("outlet", "story").get()
    assert article.outlet.name == "The Associated Press"
    assert article.outlet.kind == SourceKind.OUTLET
    assert article.url == "https://example.org/a"
    assert article.published_at.date() == datetime.date(2018, 4, 2)
    assert (article.byline, article.story.title, article.status) == (
        "Jane Doe",
        "Summit watch",
        ArticleStatus.DRAFT,
    )
    assert article.dek == "A short standfirst."
    assert article.body == "The minister said the bridge would open."


def test_command_line_overrides_the_header(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: Header Outlet\nStory: Header story\nStatus: draft\nPublished: 2018-04-02\n\n"
        "Headline here\n\nThe minister said the bridge would open.\n"
    )
    load(
        tmp_path,
        outlet="Cli Outlet",
        story="cli STORY",
        published="2020-01-05 14:30",
        status="published",
    )
    article = Article.objects.select_related("outlet", "story").get()
    assert article.outlet.name == "Cli Outlet"
    assert article.story.title == "cli STORY"
    assert article.status == ArticleStatus.PUBLISHED
    assert article.published_at.hour == 14


def test_existing_outlet_and_story_are_found_not_duplicated(tmp_path):
    outlet = make_source("NBC News", kind=SourceKind.OUTLET, aliases=["NBC"])
    story = Story.objects.create(title="Summit Watch")
    (tmp_path / "a.txt").write_text("Outlet: nbc\nStory: summit watch\n\nH\n\nShe said so.\n")
    load(tmp_path)
    article = Article.objects.get()
    assert (article.outlet, article.story) == (outlet, story)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2018-04-02", datetime.datetime(2018, 4, 2)),
        ("2018-04-02 14:30", datetime.datetime(2018, 4, 2, 14, 30)),
        ("2018-04-02T14:30:00", datetime.datetime(2018, 4, 2, 14, 30)),
        ("April 2, 2018", datetime.datetime(2018, 4, 2)),
        ("Apr. 2, 2018", datetime.datetime(2018, 4, 2)),
        ("2 April 2018", datetime.datetime(2018, 4, 2)),
        ("Sept. 12, 2019, 2:30 p.m.", datetime.datetime(2019, 9, 12, 14, 30)),
        ("Monday, April 2, 2018 14:30", datetime.datetime(2018, 4, 2, 14, 30)),
    ],
)
def test_published_dates_are_read_in_common_forms_and_made_aware(text, expected):
    moment = parse_published(text)
    assert moment.tzinfo is not None
    assert moment.replace(tzinfo=None) == expected


def test_published_with_a_zone_keeps_it():
    assert parse_published("2018-04-02T14:30:00+02:00").utcoffset() == datetime.timedelta(hours=2)
    assert parse_published("April 2, 2018 9:00 AM ET").utcoffset() == datetime.timedelta(hours=-4)


def test_an_unreadable_date_is_an_article_error():
    with pytest.raises(ArticleError):
        parse_published("the day after tomorrow")


# --- Parsing the text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, caption, credit",
    [
        (
            "Leaders meet in Danang on Nov. 11, 2017.Jorge Silva / AFP - Getty Images",
            "Leaders meet in Danang on Nov. 11, 2017.",
            "Jorge Silva / AFP - Getty Images",
        ),
        ("Protesters gather in Moscow. Photo: Reuters", "Protesters gather in Moscow.", "Reuters"),
        (
            "President Biden speaks in the Rose Garden. (AP Photo/Evan Vucci)",
            "President Biden speaks in the Rose Garden.",
            "AP Photo/Evan Vucci",
        ),
        (
            "The summit venue on Monday.Mikhail Klimentyev/Sputnik/Kremlin via Reuters",
            "The summit venue on Monday.",
            "Mikhail Klimentyev/Sputnik/Kremlin via Reuters",
        ),
        (
            "Firefighters at the scene. Photo by Jane Roe/Getty Images",
            "Firefighters at the scene.",
            "Photo by Jane Roe/Getty Images",
        ),
    ],
)
def test_photo_credits_are_split_from_captions(text, caption, credit):
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said Monday that Trump had invited Putin, according to the AP.",
        "Shares rose 6.2% in early trading, according to Reuters.",
        "He said the plan was sound.Officials disagreed.",
    ],
)
def test_ordinary_paragraphs_have_no_credit(text):
    assert split_credit(text) == (text, "")


def test_furniture_lines_stay_out_of_the_body():
    parsed = parse_text(
        "Headline\n\nFirst paragraph said so.\n\nAdvertisement\n\nShare this —\n\n"
        "Related: Another story entirely\n\nClick here to subscribe\n\n"
        "Sign up for our newsletter\n\n"
        "Last paragraph.\n"
    )
    assert parsed.body == "First paragraph said so.\n\nLast paragraph."


def test_a_standalone_credit_line_makes_the_paragraph_before_it_the_caption():
    parsed = parse_text(
        "Headline\n\nA standfirst that is short.\n\nSmoke rises over the city.\n"
        "Getty Images\n\nThe first paragraph of the story said so.\n"
    )
    assert (parsed.dek, parsed.caption, parsed.caption_credit) == (
        "A standfirst that is short.",
        "Smoke rises over the city.",
        "Getty Images",
    )
    assert parsed.body == "The first paragraph of the story said so."


def test_a_byline_line_is_metadata():
    parsed = parse_text("Headline\n\nBy Jane Doe and John Roe\n\nThe story said so.\n")
    assert parsed.byline == "Jane Doe and John Roe"
    assert parsed.body == "The story said so."


def test_hard_wrapped_paragraphs_are_joined():
    line = "This paragraph was wrapped at a fixed width by the wire"
    parsed = parse_text(f"Headline\n\n{line}\n{line}\n{line}.\n\nNext one.\n")
    assert parsed.body == f"{line} {line} {line}.\n\nNext one."


def test_a_script_in_a_body_is_stored_verbatim(tmp_path):
    body = 'The council said <script>alert("x")</script> was found on its site.'
    (tmp_path / "a.txt").write_text(f"Headline <b>bold</b>\n\n{body}\n")
    load(tmp_path)
    article = Article.objects.get()
    assert article.body == body
    assert article.headline == "Headline <b>bold</b>"


# --- Synthetic articles in wire style ---------------------------------------------------------


@pytest.fixture
def synthetic():
    out, err, error = load(DATA)
    assert error is None, err
    return out


def test_politics_article(synthetic):
    article = Article.objects.get(headline__startswith="Senate leaders")
    assert article.caption_credit == "AP Photo/J. Scott Applewhite"
    assert "Advertisement" not in article.body and "Related:" not in article.body
    assert article.byline == "Maria Lopez"
    assert article.published_at.hour == 14
    schumer = Source.objects.get(name="Chuck Schumer")
    assert schumer.role == "Senate Majority Leader"
    assert schumer.statements.count() == 2
    assert statement('"This agreement keeps').kind == StatementKind.DIRECT
    he = statement("He said the deal")
    assert (he.source.name, he.kind) == ("Mitch McConnell", StatementKind.PARTIAL)
    aide = statement("A senior Democratic aide").source
    assert aide.kind == SourceKind.ANONYMOUS and aide.scope_article == article
    declined = statement("The White House declined")
    assert (declined.kind, declined.source.name) == (StatementKind.NO_COMMENT, "White House")
    assert statement("According to the Congressional Budget Office").source.kind == (
        SourceKind.GOVERNMENT
    )


def test_courts_article(synthetic):
    jackson = statement("U.S. District Judge Amy Berman Jackson")
    assert jackson.source.name == "Amy Berman Jackson"
    assert jackson.source.role == "U.S. District Judge"
    assert jackson.kind == StatementKind.PARTIAL
    lawyer = statement("Smith's lawyer, Jane Smith")
    assert lawyer.source.name == "Jane Smith"
    assert statement('"We respectfully disagree').source == lawyer.source
    assert statement("Prosecutors said").source.kind == SourceKind.ANONYMOUS
    spokesperson = statement("A spokesperson for Acme Corp.")
    assert spokesperson.kind == StatementKind.NO_COMMENT
    assert spokesperson.source.name == "Acme Corp."  # a spokesperson speaks for the company


def test_business_article(synthetic):
    article = Article.objects.get(headline__startswith="Chipmaker Nordwind")
    assert article.outlet.name == "Reuters"
    assert (article.caption_credit, article.caption) == (
        "Reuters",
        "The headquarters of Nordwind AG in Frankfurt, Germany, on Oct. 2, 2023.",
    )
    assert "Click here" not in article.body
    assert statement("Net profit rose").source.name == "Nordwind AG"
    vogel = statement('"Demand for our data-center').source
    assert (vogel.name, vogel.role) == ("Petra Vogel", "Chief Executive")
    assert statement("She said the company").source == vogel
    assert statement("Vogel declined").kind == StatementKind.NO_COMMENT
    assert statement("Vogel declined").source == vogel
    assert statement("Shares in Nordwind").source.name == "Bloomberg"


def test_science_article(synthetic):
    article = Article.objects.get(headline__startswith="Study finds")
    assert article.dek == "Researchers say the trend is accelerating."
    assert not article.body.startswith("Researchers say")
    cheng = statement('"The oceans are the best').source
    assert cheng.name == "Lijing Cheng"
    assert statement("Cheng said").source == cheng
    mann = statement("Michael Mann")
    assert (mann.source.role, mann.source.affiliation.name, mann.via.name) == (
        "climate scientist",
        "University of Pennsylvania",
        "The Associated Press",
    )
    # Officials of a named body who did not answer: the body's no comment.
    noaa = statement("Officials at the National Oceanic")
    assert noaa.kind == StatementKind.NO_COMMENT
    assert (noaa.source.name, noaa.source.kind) == (
        "National Oceanic and Atmospheric Administration",
        SourceKind.GOVERNMENT,
    )


def test_different_people_with_one_surname_stay_apart(synthetic, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Another case\n\nJohn Smith said he was innocent.\n\nJane Smith said she would appeal.\n"
    )
    load(tmp_path)
    assert Source.objects.filter(name="John Smith").count() == 1
    assert Source.objects.filter(name="Jane Smith").count() == 1
    assert Source.objects.get(name="John Smith").aliases == []


def test_anonymous_sources_belong_to_their_article(tmp_path):
    for n in (1, 2):
        (tmp_path / f"{n}.txt").write_text(
            f"Headline {n}\n\nOfficials said the bridge {n} would open.\n\n"
            f"A person familiar with the matter said talks {n} had stalled.\n\n"
            f"Officials said again that bridge {n} was safe.\n"
        )
    load(tmp_path)
    anonymous = Source.objects.filter(kind=SourceKind.ANONYMOUS)
    assert anonymous.count() == 4  # "officials" and the person, once per article
    for source in anonymous:
        assert source.scope_article is not None
        assert {s.article_id for s in source.statements.all()} == {source.scope_article_id}
    assert not Source.objects.shared().filter(name__icontains="official").exists()


def test_a_new_article_reuses_known_sources_and_records_a_new_spelling(tmp_path):
    make_source("Dmitry Peskov", role="Kremlin spokesman")
    (tmp_path / "a.txt").write_text("Headline\n\nDmitri Peskov said the talks were useful.\n")
    load(tmp_path)
    peskov = Source.objects.get(name="Dmitry Peskov")
    assert peskov.aliases == ["Dmitri Peskov"]
    assert Source.objects.filter(kind=SourceKind.PERSON).count() == 1


def test_wire_copy_in_two_outlets_gives_two_articles(tmp_path):
    (tmp_path / "a.txt").write_text("Outlet: First Paper\n\nSame headline\n\nShe said so.\n")
    (tmp_path / "b.txt").write_text("Outlet: Second Paper\n\nSame headline\n\nShe said so.\n")
    load(tmp_path)
    assert Article.objects.count() == 2
    assert Article.objects.values("slug").distinct().count() == 2


def test_fingerprint_ignores_whitespace_and_outlet_aliases():
    body = "One said.\n\nTwo said."
    first = importing.fingerprint("AP", "", "A  headline", body)
    assert first == importing.fingerprint(
        "The Associated Press", "", "A headline", "One  said.\n\nTwo said."
    )
    assert first != importing.fingerprint("Reuters", "", "A headline", body)


def test_a_jsonl_line_without_statements_gets_them_extracted(tmp_path):
    record = {"headline": "From a feed", "outlet": "Test Wire", "body": "Officials said it rained."}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record) + "\n")
    out, err, error = load(tmp_path)
    assert error is None, err
    assert Statement.objects.get().source.kind == SourceKind.ANONYMOUS


# --- New versions of an article: updated in place ---------------------------------------------

FIRST_VERSION = """Outlet: Test Wire
URL: https://example.org/bridge
Published: 2024-05-01

Bridge to reopen in May

Mayor Lena Park said on Monday that the Harbor Bridge would reopen in May.

"We are on schedule and on budget," Park told reporters.

Council member Tom Reyes said the repairs had cost twice the original estimate.

The bridge carries about 40,000 cars a day.
"""
# A paragraph before the others (every statement moves), Reyes's sentence gone (orphaned),
# and a new statement at the end.
SECOND_VERSION = """Outlet: Test Wire
URL: https://example.org/bridge
Published: 2024-05-02

Bridge to reopen in June after delay

Engineers found more corrosion than expected during an inspection last week.

Mayor Lena Park said on Monday that the Harbor Bridge would reopen in May.

"We are on schedule and on budget," Park told reporters.

The bridge carries about 40,000 cars a day.

Transport Secretary Ana Ruiz said on Tuesday that the opening would slip to June.
"""


def versions(tmp_path, *texts, name="bridge"):
    """Writes each text to its own folder; returns the files, in order."""
    files = []
    for number, text in enumerate(texts, start=1):
        folder = tmp_path / f"v{number}"
        folder.mkdir()
        files.append(folder / f"{name}.txt")
        files[-1].write_text(text)
    return files


def placed(article):
    """The article's placed statements: each quote stands where its span says."""
    statements = list(article.statements.filter(orphaned=False).order_by("start"))
    for found in statements:
        assert article.body[found.start : found.end] == found.quote
    return statements


def test_a_new_version_with_the_same_url_updates_the_article_in_place(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    article = Article.objects.get()
    park = statement("Mayor Lena Park said")
    park.set_verdict("verified", by=None, note="The council minutes say so.")
    out, err, error = load(second)
    assert error is None, err
    assert Article.objects.count() == 1
    updated = Article.objects.get()
    assert (updated.pk, updated.slug) == (article.pk, article.slug)
    assert updated.headline == "Bridge to reopen in June after delay"
    assert updated.body.startswith("Engineers found more corrosion")
    assert updated.published_at.date() == datetime.date(2024, 5, 2)
    assert updated.fingerprint != article.fingerprint
    moved = Statement.objects.get(pk=park.pk)  # the same statement, at its words' new place
    assert moved.start > park.start and moved.quote == park.quote and not moved.orphaned
    assert (moved.verdict, moved.note) == ("verified", "The council minutes say so.")
    headline = "Bridge to reopen in June after delay"
    assert f"updated: {headline} (2 statements moved, 1 orphaned, 1 new;" in out
    assert "articles created: 0, updated: 1, unchanged: 0, failed: 0" in out


def test_a_statement_whose_words_are_gone_is_orphaned_never_dropped_nor_misplaced(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    reyes = statement("Council member Tom Reyes")
    load(second)
    reyes.refresh_from_db()
    assert reyes.orphaned
    assert reyes.quote.startswith("Council member Tom Reyes said")  # kept for the editor
    assert "Reyes" not in Article.objects.get().body


def test_new_statements_are_added_without_doubling_those_already_placed(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    before = Statement.objects.count()
    load(second)
    article = Article.objects.get()
    statements = placed(article)
    assert Statement.objects.count() == before + 1
    ruiz = statement("Transport Secretary Ana Ruiz")
    assert (ruiz.source.name, ruiz.source.role) == ("Ana Ruiz", "Transport Secretary")
    assert 0 < ruiz.confidence <= 1 and 0 < ruiz.source_confidence <= 1
    for one, other in zip(statements, statements[1:], strict=False):
        assert one.end <= other.start  # no two placed statements overlap


def test_loading_a_version_again_or_an_earlier_one_changes_nothing(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    load(second)
    article = Article.objects.get()
    spans = Statement.objects.order_by("pk").values_list("pk", "start", "orphaned", "version")
    rows = list(spans)
    for again in (second, first, tmp_path):  # the same version, the earlier one, both
        out, err, error = load(again)
        assert error is None, err
        assert "updated: 0" in out and "created: 0" in out
        if again == first:
            assert "(an earlier version: the article has been updated since)" in out
    assert Article.objects.get().version == article.version
    assert Article.objects.get().body == article.body
    assert list(spans.all()) == rows


def test_without_a_url_the_same_outlet_and_headline_is_the_same_article(tmp_path):
    def without_url(text):
        return text.replace("URL: https://example.org/bridge\n", "").replace(
            "Bridge to reopen in June after delay", "Bridge to reopen in May"
        )

    first, second = versions(tmp_path, without_url(FIRST_VERSION), without_url(SECOND_VERSION))
    load(first)
    out, err, error = load(second)
    assert error is None, err
    assert Article.objects.count() == 1
    assert Article.objects.get().body.startswith("Engineers found")
    elsewhere = without_url(SECOND_VERSION).replace("Outlet: Test Wire", "Outlet: Other Paper")
    (tmp_path / "other.txt").write_text(elsewhere)
    load(tmp_path / "other.txt")
    assert Article.objects.count() == 2  # the same headline in another outlet: another article


def test_an_update_keeps_editors_tags_and_tags_new_entities(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    article = Article.objects.get()
    theme = Entity.objects.create(name="Infrastructure", kind="topic")
    article.tags.add(theme)
    load(second)
    names = set(article.tags.values_list("name", flat=True))
    assert {"Infrastructure", "Lena Park", "Ana Ruiz"} <= names


def test_an_updated_articles_anonymous_sources_are_its_own_again(tmp_path):
    anonymous = "\nOfficials said the bridge was safe for heavy lorries.\n"
    again = "\nOfficials said again on Friday that traffic would be diverted.\n"
    first, second = versions(
        tmp_path, FIRST_VERSION + anonymous, SECOND_VERSION + anonymous + again
    )
    load(first)
    load(second)
    officials = Source.objects.filter(kind=SourceKind.ANONYMOUS)
    assert officials.count() == 1
    assert officials.get().statements.count() == 2


def test_a_statement_an_editor_deleted_is_not_brought_back_by_a_new_version(tmp_path):
    longer = FIRST_VERSION + "\nThe bridge opened in 1931.\n"
    first, second = versions(tmp_path, FIRST_VERSION, longer)
    load(first)
    statement("Council member Tom Reyes").delete()
    out, err, error = load(second)
    assert "(0 statements moved, 0 orphaned, 0 new" in out
    assert not Statement.objects.filter(quote__startswith="Council member Tom Reyes").exists()


def test_a_published_article_that_gains_orphans_stays_published_with_a_warning(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    out, err, error = load(second)
    assert error is None
    assert Article.objects.get().status == ArticleStatus.PUBLISHED
    assert "warning: 1 statement or correction needs placing; the article stays published" in out
    assert "Warning: 1 statement or correction needs placing in 1 published article" in out


def test_a_draft_with_orphans_asked_to_be_published_stays_a_draft_and_says_why(tmp_path):
    first, second = versions(
        tmp_path,
        FIRST_VERSION.replace("Published:", "Status: draft\nPublished:"),
        SECOND_VERSION.replace("Published:", "Status: published\nPublished:"),
    )
    load(first)
    out, err, error = load(second)
    assert error is None, err  # not a failure: the text is loaded, the status waits
    article = Article.objects.get()
    assert article.status == ArticleStatus.DRAFT
    assert article.body.startswith("Engineers found")
    assert "needs placing first: it stays a draft" in out
    assert "1 article asked to be published stayed a draft" in out


def test_a_draft_without_orphans_is_published_when_its_new_version_says_so(tmp_path):
    first, second = versions(
        tmp_path,
        FIRST_VERSION.replace("Published:", "Status: draft\nPublished:"),
        FIRST_VERSION.replace("Published:", "Status: published\nPublished:")
        + "\nThe bridge opened in 1931.\n",
    )
    load(first)
    load(second)
    assert Article.objects.get().status == ArticleStatus.PUBLISHED


def test_a_new_version_that_says_nothing_of_its_status_keeps_it(tmp_path):
    first, second = versions(
        tmp_path,
        FIRST_VERSION.replace("Published:", "Status: draft\nPublished:"),
        SECOND_VERSION,
    )
    load(first)
    load(second)
    assert Article.objects.get().status == ArticleStatus.DRAFT


def test_an_update_is_in_the_articles_history(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    load(second)
    article = Article.objects.get()
    change = article.changes.filter(changes__has_key="body").get()
    assert change.changes["headline"] == ["Bridge to reopen in May", article.headline]


def test_dry_run_of_an_update_says_what_would_happen_and_changes_nothing(tmp_path):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    before = list(Statement.objects.order_by("pk").values_list("pk", "start", "end", "orphaned"))
    body = Article.objects.get().body
    out, err, error = load(second, dry_run=True)
    assert error is None, err
    headline = "Bridge to reopen in June after delay"
    assert f"would update: {headline} (2 statements moved, 1 orphaned, 1 new;" in out
    assert Article.objects.get().body == body
    assert list(Statement.objects.order_by("pk").values_list("pk", "start", "end", "orphaned")) == (
        before
    )
    assert not Source.objects.filter(name="Ana Ruiz").exists()


def test_a_failure_while_updating_leaves_the_article_as_it_was(tmp_path, monkeypatch):
    first, second = versions(tmp_path, FIRST_VERSION, SECOND_VERSION)
    load(first)
    article = Article.objects.get()
    before = list(Statement.objects.order_by("pk").values_list("pk", "start", "end", "orphaned"))

    def broken(article):
        raise DatabaseError("disk on fire")

    monkeypatch.setattr(importing, "suggest_claims", broken)
    out, err, error = load(second)
    assert "bridge.txt: disk on fire" in err and error is not None
    again = Article.objects.get()
    assert (again.body, again.headline, again.version) == (
        article.body,
        article.headline,
        article.version,
    )
    assert list(Statement.objects.order_by("pk").values_list("pk", "start", "end", "orphaned")) == (
        before
    )


def test_an_export_line_of_a_new_version_updates_the_article_too(tmp_path):
    first = {"headline": "Feed item", "url": "https://example.org/feed/1", "outlet": "Test Wire"}
    first["body"] = "Officials said the bridge would open in May."
    second = {**first, "body": "Late on Friday, officials said the bridge would open in May."}
    (tmp_path / "a.jsonl").write_text(json.dumps(first) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps(second) + "\n")
    load(tmp_path / "a.jsonl")
    out, err, error = load(tmp_path / "b.jsonl")
    assert error is None, err
    assert "updated: Feed item (1 statement moved, 0 orphaned, 0 new" in out
    assert Article.objects.get().body == second["body"]


# --- Claim suggestions -------------------------------------------------------------------------


def test_loading_suggests_same_claim_pairs_across_articles_and_counts_them(samples):
    from stories.models import ClaimSuggestion

    suggestions = ClaimSuggestion.objects.select_related("statement", "other")
    assert suggestions.exists()
    assert f"claim suggestions: {suggestions.count()}." in samples
    for suggestion in suggestions:
        assert suggestion.statement.article_id != suggestion.other.article_id
    assert any(
        "invited" in s.statement.quote and "invited" in s.other.quote and "Kremlin" in s.reason
        for s in suggestions
    ), "the Kremlin's invitation claim, in both samples, is suggested"


# --- What the parser sets aside, and what it must not ------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Credit: where credit is due, the team did well.",
        "Turnout was high, the mayor told reporters. Reuters/Ipsos polling shows 40% support",
        "The council split 5 / 4 on the motion and the chair abstained",
        "Ticket sales rose sharply, according to Reuters/Ipsos",
    ],
)
def test_body_text_that_looks_a_little_like_a_credit_stays_in_the_body(paragraph):
    parsed = parse_text(f"Headline\n\nThe first paragraph said so.\n\n{paragraph}\n\nThe end.\n")
    assert paragraph in parsed.body.split("\n\n")
    assert (parsed.caption, parsed.caption_credit) == ("", "")


def test_a_standalone_agency_name_does_not_turn_a_paragraph_into_a_caption():
    parsed = parse_text(
        "Headline\n\nThe minister resigned on Monday, officials said.\n\nReuters\n\n"
        "Her deputy will act in her place.\n"
    )
    assert parsed.caption == ""
    assert parsed.body.startswith("The minister resigned on Monday")
    assert ("sign-off", "Reuters") in parsed.set_aside


@pytest.mark.parametrize(
    "text, caption, credit",
    [
        ("Smoke over the port on Monday (Reuters/Gleb Garanich)", "Smoke over", "Reuters/Gleb"),
        ("Crowds at the rally. Photo: Jane Roe/AP", "Crowds at the rally.", "Jane Roe/AP"),
        ("The summit venue, 2018.AP Photo/Evan Vucci", "The summit venue, 2018.", "AP Photo"),
    ],
)
def test_a_short_name_like_credit_at_the_end_of_a_caption_is_split(text, caption, credit):
    got_caption, got_credit = split_credit(text)
    assert got_caption.startswith(caption) and got_credit.startswith(credit)


def test_dry_run_at_verbosity_two_shows_what_was_set_aside(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: Test Wire\n\nHeadline\n\nA short standfirst.\n\n"
        "Smoke rises over the city. (AP Photo/Jane Roe)\n\nAdvertisement\n\n"
        "The minister said the bridge would open.\n"
    )
    out, err, error = load(tmp_path, dry_run=True, verbosity=2)
    assert "  set aside (dek): A short standfirst." in out
    assert "  set aside (caption): Smoke rises over the city." in out
    assert "  set aside (credit): AP Photo/Jane Roe" in out
    assert "  set aside (boilerplate): Advertisement" in out
    quiet, _, _ = load(tmp_path, dry_run=True)
    assert "set aside" not in quiet


# --- Runs that meet trouble --------------------------------------------------------------------


def test_an_unexpected_error_in_one_article_is_named_and_the_run_goes_on(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("Broken headline\n\nThe mayor said it would rain.\n")
    (tmp_path / "c.txt").write_text("Third headline\n\nThe mayor said it would snow.\n")
    real = extraction.find_statements

    def find_statements(body, **kwargs):
        if "rain" in body:
            raise KeyError("a bug in extraction")
        return real(body, **kwargs)

    monkeypatch.setattr(extraction, "find_statements", find_statements)
    out, err, error = load(tmp_path)
    assert err.splitlines() == [
        f"{tmp_path / 'b.txt'}: unexpected error: KeyError: 'a bug in extraction'"
    ]
    assert isinstance(error, CommandError)
    assert set(Article.objects.values_list("headline", flat=True)) == {
        "A good headline",
        "Third headline",
    }
    out, err, error = load(tmp_path, verbosity=3)
    assert "Traceback (most recent call last)" in err and "find_statements" in err


def test_an_unexpected_error_while_reading_a_file_is_named_too(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text("Odd headline\n\nThe mayor said it would rain.\n")
    real = importing.parse_text

    def parse_text(text, name=""):
        if name.endswith("b.txt"):
            raise IndexError("a bug in the parser")
        return real(text, name)

    monkeypatch.setattr(importing, "parse_text", parse_text)
    out, err, error = load(tmp_path)
    assert err.splitlines() == [
        f"{tmp_path / 'b.txt'}: unexpected error: IndexError: a bug in the parser"
    ]
    assert error is not None and Article.objects.count() == 1


def test_a_binary_export_stops_at_its_first_nul_and_says_so_once(tmp_path):
    good = json.dumps({"headline": "One", "body": "Officials said it rained."})
    later = json.dumps({"headline": "Three", "body": "Officials said it snowed."})
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(f"{good}\n".encode() + b"\x00\x01\x02\n" + f"{later}\n".encode())
    out, err, error = load(tmp_path)
    assert err.splitlines() == [f"{feed}: line 2: binary file (contains NUL bytes)"]
    assert list(Article.objects.values_list("headline", flat=True)) == ["One"]


def test_a_dry_run_reports_a_second_identical_file_as_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD)
    out, err, error = load(tmp_path, dry_run=True)
    actions = [line.split(":")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert actions[:2] == ["would create", "unchanged"]
    assert "articles would be created: 1, would be updated: 0, unchanged: 1" in out
    assert not Article.objects.exists()
    real, _, _ = load(tmp_path)
    assert "articles created: 1, updated: 0, unchanged: 1" in real
