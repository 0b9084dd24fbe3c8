import pytest

from stories.extraction import (
    SourceDirectory,
    find_entities,
    find_statements,
    parse_speaker,
    same_person,
    split_sentences,
)
from stories.models import Article, Source, SourceKind, StatementKind
from tests.factories import make_article, make_source

pytestmark = pytest.mark.django_db


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def statements(body):
    return [(body[f.start : f.end], f) for f in find_statements(body)]


def by_quote(body, start):
    return next(f for quote, f in statements(body) if quote.startswith(start))


# --- Sentences ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The U.S. and the U.K. agreed. Talks went on.",
            ["The U.S. and the U.K. agreed.", "Talks went on."],
        ),
        (
            "He lives in St. Petersburg now. Mr. Smith and Dr. Jones disagreed.",
            ["He lives in St. Petersburg now.", "Mr. Smith and Dr. Jones disagreed."],
        ),
        (
            "It happened on Nov. 11, 2017. Then it rained.",
            ["It happened on Nov. 11, 2017.", "Then it rained."],
        ),
        (
            "J. Smith wrote it. J. R. R. Tolkien did not.",
            ["J. Smith wrote it.", "J. R. R. Tolkien did not."],
        ),
        ("Growth was 3.5 percent. It fell.", ["Growth was 3.5 percent.", "It fell."]),
        (
            "The U.S-Russia expulsions grew. Both sides spoke.",
            ["The U.S-Russia expulsions grew.", "Both sides spoke."],
        ),
        (
            'He said "it is difficult to discuss a summit... one day, we can talk." Then he left.',
            [
                'He said "it is difficult to discuss a summit... one day, we can talk."',
                "Then he left.",
            ],
        ),
        (
            'She said, "We are ready. We have always been ready." Nobody answered.',
            ['She said, "We are ready. We have always been ready."', "Nobody answered."],
        ),
        (
            '"Why not?" he asked. "Because," she said.',
            ['"Why not?" he asked.', '"Because," she said.'],
        ),
        (
            "It drew sanctions from the U.S. The Kremlin objected.",
            ["It drew sanctions from the U.S.", "The Kremlin objected."],
        ),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
        ("Prices rose (sharply). Then fell.", ["Prices rose (sharply).", "Then fell."]),
    ],
)
def test_sentences_split_where_they_end(text, expected):
    assert sentences(text) == expected


def test_sentence_offsets_index_the_text():
    text = "  First one.  Second one. "
    assert [(a, b) for a, b in split_sentences(text, 100)] == [(102, 112), (114, 125)]


# --- Speakers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, name, kind, role, affiliation",
    [
        (
            "Kremlin spokesman Dmitry Peskov",
            "Dmitry Peskov",
            "person",
            "Kremlin spokesman",
            "Kremlin",
        ),
        (
            "White House Press Secretary Sarah Huckabee Sanders",
            "Sarah Huckabee Sanders",
            "person",
            "White House Press Secretary",
            "White House",
        ),
        ("Putin aide Yury Ushakov", "Yury Ushakov", "person", "Putin aide", None),
        ("Russian news agency TASS", "TASS", "outlet", "Russian news agency", None),
        ("the AP", "The Associated Press", "outlet", "", None),
        ("Associated Press", "The Associated Press", "outlet", "", None),
        ("The Independent", "The Independent", "outlet", "", None),
        ("the Kremlin", "Kremlin", "government", "", None),
        ("Russia", "Russia", "government", "", None),
        ("Media Bias/Fact Check", "Media Bias/Fact Check", "organisation", "", None),
        ("Secretary of State Mike Pompeo", "Mike Pompeo", "person", "Secretary of State", None),
        ("Apple CEO Tim Cook", "Tim Cook", "person", "Apple CEO", "Apple"),
        ("General Motors", "General Motors", "organisation", "", None),
        ("Bank of England", "Bank of England", "organisation", "", None),
        (
            "a senior administration official",
            "a senior administration official",
            "anonymous",
            "senior administration official",
            None,
        ),
        (
            "a person familiar with the matter",
            "a person familiar with the matter",
            "anonymous",
            "",
            None,
        ),
        ("White House officials", "White House officials", "anonymous", "", "White House"),
        (
            "a spokesman for the Kremlin",
            "a spokesman for the Kremlin",
            "anonymous",
            "spokesman",
            "Kremlin",
        ),
        ("Russian news agencies", "Russian news agencies", "outlet", "", None),
        ("court documents", "court documents", "anonymous", "", None),
    ],
)
def test_speaker_phrases_give_name_kind_role_and_affiliation(phrase, name, kind, role, affiliation):
    mention = parse_speaker(phrase)
    assert (mention.name, mention.kind, mention.role) == (name, kind, role)
    assert (mention.affiliation.name if mention.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "phrase",
    [
        "Monday the White House",
        "NATO and 25 other countries",
        "However",
        "Last week Russia",
        "",
        "It's",
    ],
)
def test_phrases_that_are_not_speakers_are_refused(phrase):
    assert parse_speaker(phrase) is None


def test_pronouns_and_the_outlet_are_left_for_the_article_to_resolve():
    assert parse_speaker("she").anaphor == "person"
    assert parse_speaker("the outlet").anaphor == "outlet"
    assert parse_speaker("the Russian president").title_words == {"russian", "president"}


# --- Statements in a body ---------------------------------------------------------------------


def test_he_said_is_the_last_person_quoted():
    body = (
        "Energy Minister Anna Berg said prices would fall.\n\n"
        "The Treasury said nothing.\n\n"
        'She added that "relief is coming."'
    )
    assert by_quote(body, "She added").source.name == "Anna Berg"


def test_a_bare_surname_is_the_person_named_before():
    body = (
        "Senator Maria Alvarez said the bill would pass.\n\nAlvarez added that votes were secured."
    )
    found = by_quote(body, "Alvarez added").source
    assert (found.name, found.kind) == ("Maria Alvarez", SourceKind.PERSON)


def test_the_president_is_the_person_introduced_with_that_title():
    body = (
        "President Ana Costa met Prime Minister Ivo Lind on Monday.\n\n"
        "The prime minister said the talks were useful, and the president told reporters "
        "she agreed."
    )
    assert by_quote(body, "The prime minister said").source.name == "Ivo Lind"


def test_said_after_the_quote_names_the_speaker():
    body = '"We will not resign," said Kremlin spokesman Dmitry Peskov.'
    found = by_quote(body, '"We will not')
    assert (found.source.name, found.source.role, found.kind) == (
        "Dmitry Peskov",
        "Kremlin spokesman",
        StatementKind.DIRECT,
    )


def test_according_to_an_outlet_relays_a_named_speaker():
    body = "The minister said the border would reopen, according to Reuters."
    found = by_quote(body, "The minister said")
    assert found.via.name == "Reuters"


def test_told_an_outlet_makes_the_outlet_the_relay_not_the_source():
    body = "Peskov told CNN that the reports were not correct."
    found = by_quote(body, "Peskov told")
    assert (found.source.name, found.via.name, found.attribution) == ("Peskov", "CNN", "told CNN")


def test_the_nearest_relay_to_the_outlet_wins():
    body = "Ushakov told Russian news agencies that a meeting was planned, according to the AP."
    found = by_quote(body, "Ushakov told")
    assert found.via.name == "The Associated Press"


def test_a_trailing_report_is_the_relay():
    body = "Ushakov said that talks had stalled, the AP reported."
    assert by_quote(body, "Ushakov said").via.name == "The Associated Press"
    body = "The ceasefire collapsed overnight, Reuters reported."
    assert by_quote(body, "The ceasefire").source.name == "Reuters"


def test_declining_to_comment_is_a_no_comment_statement():
    body = "A spokeswoman for Acme did not immediately respond to a request for comment."
    found = by_quote(body, "A spokeswoman")
    assert found.kind == StatementKind.NO_COMMENT
    assert found.source.anonymous


def test_a_quotation_paragraph_belongs_to_the_speaker_named_before():
    body = 'Mayor Lena Park said the city would rebuild.\n\n"We owe it to every family here."'
    found = by_quote(body, '"We owe')
    assert (found.source.name, found.kind) == ("Lena Park", StatementKind.DIRECT)


def test_unattributed_sentences_are_not_statements_unless_hedged_or_numeric():
    body = (
        "The sun rose over the harbour.\n\n"
        "The suspect allegedly fled the scene.\n\n"
        "Unemployment fell to 3.9% in May."
    )
    found = dict(statements(body))
    assert "The sun rose over the harbour." not in found
    hedged = found["The suspect allegedly fled the scene."]
    assert hedged.source is None and hedged.attribution == "allegedly"
    assert found["Unemployment fell to 3.9% in May."].kind == StatementKind.ASSERTION


def test_a_quoted_fragment_is_partial_and_a_quoted_sentence_direct():
    body = (
        'Ms. Okafor said the plan was "deeply flawed."\n\n'
        'Ms. Okafor said, "The plan is deeply flawed and we will fight it."'
    )
    kinds = [f.kind for _, f in statements(body)]
    assert kinds == [StatementKind.PARTIAL, StatementKind.DIRECT]


def test_coordinated_subjects_are_nobody_in_particular():
    body = "Britain, France and Germany said the deal was dead."
    assert not statements(body)


# --- Entities -------------------------------------------------------------------------------------


def test_entities_are_kinded_and_junk_is_left_out():
    body = (
        "Last Monday, Russian President Vladimir Putin met officials in Danang.\n\n"
        "Following the talks, NATO and the Kremlin issued statements. Putin left in November."
    )
    found = {name: kind for name, kind, _ in find_entities(body)}
    assert found["Vladimir Putin"] == "person"
    assert found["NATO"] == "organisation"
    assert found["Kremlin"] == "organisation"
    assert found["Danang"] == "place"
    for junk in ("Last", "Monday", "Following", "November", "Russian", "Putin"):
        assert junk not in found


def test_country_abbreviations_become_the_country_with_aliases():
    found = {
        name: aliases
        for name, _, aliases in find_entities("Talks between the U.S. and Britain went on.")
    }
    assert "U.S." in found["United States"]
    assert "Britain" in found["United Kingdom"]


# --- Resolving against the database ---------------------------------------------------------------


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("Yuri Ushakov", "Yury Ushakov", True),
        ("Dmitry Peskov", "Dmitri Peskov", True),
        ("John Smith", "Jane Smith", False),
        ("Sergei Skripal", "Yulia Skripal", False),
        ("Yuri Ushakov", "Yuri Ivanov", False),
        ("George Bush", "George W. Bush", False),
    ],
)
def test_same_person_only_for_near_spellings_of_one_name(first, second, same):
    assert same_person(first, second) is same


def test_directory_matches_a_spelling_and_records_it():
    yuri = make_source("Yuri Ushakov")
    article = make_article()
    directory = SourceDirectory()
    found = directory.source_for(parse_speaker("Putin aide Yury Ushakov"), article)
    assert found == yuri
    yuri.refresh_from_db()
    assert (yuri.aliases, yuri.role) == (["Yury Ushakov"], "Putin aide")


def test_directory_never_merges_anonymous_sources():
    first, second = make_article(), make_article()
    directory = SourceDirectory()
    a = directory.source_for(parse_speaker("officials"), first)
    b = directory.source_for(parse_speaker("officials"), second)
    assert a != b
    assert (a.scope_article, b.scope_article) == (first, second)
    assert directory.source_for(parse_speaker("officials"), first) == a


def test_directory_forgets_what_a_rolled_back_article_created():
    directory = SourceDirectory()
    directory.begin()
    directory.source_for(parse_speaker("Reuters"), make_article())
    directory.rollback()
    Source.objects.filter(name="Reuters").delete()
    directory.begin()
    created = directory.source_for(parse_speaker("Reuters"), make_article())
    assert Source.objects.get(name="Reuters") == created
    assert created.kind == SourceKind.OUTLET
    assert Article.objects.count() == 2
