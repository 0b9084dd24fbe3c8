import pytest

from stories.extraction import (
    SourceDirectory,
    find_entities,
    find_statements,
    name_relation,
    parse_speaker,
    same_person,
    split_sentences,
)
from stories.models import Article, MergeSuggestion, Source, SourceKind, StatementKind
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
    body = "A senior official did not immediately respond to a request for comment."
    found = by_quote(body, "A senior official")
    assert found.kind == StatementKind.NO_COMMENT
    assert found.source.anonymous


def test_an_unnamed_spokesperson_speaks_for_the_body():
    body = "A spokeswoman for Acme Corp. did not immediately respond to a request for comment."
    found = by_quote(body, "A spokeswoman")
    assert (found.kind, found.source.name) == (StatementKind.NO_COMMENT, "Acme Corp.")
    assert not found.source.anonymous


def test_a_quotation_paragraph_belongs_to_the_speaker_named_before():
    body = 'Mayor Lena Park said the city would rebuild.\n\n"We owe it to every family here."'
    found = by_quote(body, '"We owe')
    assert (found.source.name, found.kind) == ("Lena Park", StatementKind.DIRECT)


def test_the_outlets_own_narration_is_not_a_statement_hedged_or_not():
    body = (
        "The sun rose over the harbour.\n\n"
        "The suspect allegedly fled the scene.\n\n"
        "Unemployment fell to 3.9% in May."
    )
    assert statements(body) == []


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


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "''It will pass,'' she said. ''We have the votes.''",
            ["''It will pass,'' she said.", "''We have the votes.''"],
        ),
        (
            '"Why would we wait?" Ortiz asked reporters. Nobody answered.',
            ['"Why would we wait?" Ortiz asked reporters.', "Nobody answered."],
        ),
    ],
)
def test_doubled_apostrophes_quote_and_a_speaker_after_a_question_stays(text, expected):
    assert sentences(text) == expected


def test_a_quotation_open_at_the_end_of_a_paragraph_goes_on_in_the_next():
    body = (
        'Mayor Ines Varga said: "We will rebuild the bridge. It will take a year.\n\n'
        '"And it will be stronger than before."'
    )
    found = statements(body)
    assert [f.source.name for _, f in found] == ["Ines Varga", "Ines Varga"]
    assert found[0][1].kind == StatementKind.DIRECT


# --- More speakers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, name, kind",
    [
        ("Sen. Harriet Olsen of Iowa", "Harriet Olsen", "person"),
        ("Council Member Rosa Delano", "Rosa Delano", "person"),
        ("the Danish Embassy in Lima", "Danish Embassy in Lima", "government"),
        ("the vessel-tracking service ShipTrack", "ShipTrack", "organisation"),
        ("the state news agency Bakhtar", "Bakhtar", "outlet"),
        ("public defender Omar Haddad", "Omar Haddad", "person"),
        ("the Parkside Residents' Association", "Parkside Residents' Association", "organisation"),
        ("Peru's foreign ministry", "Peruvian Foreign Ministry", "government"),
    ],
)
def test_names_come_out_of_titles_places_and_descriptions(phrase, name, kind):
    mention = parse_speaker(phrase)
    assert (mention.name, mention.kind) == (name, kind)


@pytest.mark.parametrize(
    "phrase",
    [
        "Holt's mother",
        "the owner of a bakery near the square",
        "workers on the night shift",
        "one of the aides",
        "two backbench MPs from the governing party",
    ],
)
def test_unnamed_people_are_anonymous(phrase):
    assert parse_speaker(phrase).anonymous


def test_a_spokesperson_speaks_for_the_body_and_a_named_one_for_herself():
    assert parse_speaker("a spokeswoman for the Harbor Authority").speaks_for
    assert parse_speaker("A Harbor Authority spokesman").speaks_for
    body = "The port's spokeswoman, Dana Cole, said the cranes were safe."
    assert by_quote(body, "The port's").source.name == "Dana Cole"


def test_an_office_speaks_for_its_holder():
    body = (
        "Governor Maria Santos signed the bill on Monday.\n\n"
        "Her office declined to comment on the cost."
    )
    found = by_quote(body, "Her office")
    assert (found.source.name, found.kind) == ("Maria Santos", StatementKind.NO_COMMENT)


# --- More statements ----------------------------------------------------------------------------


def test_a_participle_after_the_main_clause_reports_its_subject_speaking():
    body = "Gov. Frank Moreau vetoed the budget on Friday, saying it would bankrupt the state."
    found = by_quote(body, "Gov. Frank Moreau")
    assert (found.source.name, found.attribution) == ("Frank Moreau", "saying")


def test_a_verb_framing_a_quoted_phrase_is_a_partial_statement():
    body = 'The Riverside Tenants Union called the rent rise "a slow eviction."'
    found = by_quote(body, "The Riverside")
    assert (found.source.name, found.kind) == ("Riverside Tenants Union", StatementKind.PARTIAL)
    assert statements("The council called a vote for Tuesday.") == []


def test_a_colon_introduces_the_speakers_quotation():
    body = 'Dr. Lena Brandt described the first week: "We had no beds and no oxygen."'
    found = by_quote(body, "Dr. Lena")
    assert (found.source.name, found.kind) == ("Lena Brandt", StatementKind.DIRECT)


def test_subjects_with_relative_clauses_appositions_and_asides():
    body = (
        "Two nurses who spoke on condition of anonymity because they feared losing their jobs "
        "said the ward was understaffed.\n\n"
        "Paul Kerr, 58, a retired welder from Dayton, Ohio, who lives near the plant, said "
        "the smell was constant.\n\n"
        "The mill's owner, Ruth Adler, said the smell came from a neighboring farm."
    )
    assert by_quote(body, "Two nurses").source.anonymous
    assert by_quote(body, "Paul Kerr").source.name == "Paul Kerr"
    assert by_quote(body, "The mill's").source.name == "Ruth Adler"


def test_an_embedded_attribution_in_narration_counts():
    body = "The jury convicted him of running what prosecutors called a pyramid scheme."
    found = by_quote(body, "The jury")
    assert found.source.name == "prosecutors" and found.source.anonymous


def test_a_plural_of_people_is_a_group_not_a_surname():
    body = "Homebuilders have urged the bank to move faster, arguing that rates are too high."
    assert by_quote(body, "Homebuilders").source.anonymous


def test_plural_subjects_take_the_plain_verb():
    body = "Critics say the levy will hurt small shops."
    assert by_quote(body, "Critics").source.anonymous
    assert by_quote("The guards say the gates stay shut at night.", "The").source.anonymous


def test_the_company_is_the_company_named_before():
    body = (
        "Kestrel Robotics will close its Leeds plant, the company said on Monday.\n\n"
        "The company said in a filing that 300 jobs would go."
    )
    assert [f.source.name for _, f in statements(body)] == ["Kestrel Robotics"] * 2


def test_the_body_whose_name_has_the_word_is_meant():
    body = (
        "Ana Ruiz chairs the Lakeside Water Board and works for Ortega Capital.\n\n"
        "The board said the reservoir was full."
    )
    assert by_quote(body, "The board").source.name == "Lakeside Water Board"


def test_she_is_the_woman_quoted_last():
    body = (
        "Hannah Price, a nurse, said the clinic was full. Her colleague David Moss said the "
        "same.\n\n"
        '"We turned away forty people," she said.'
    )
    assert by_quote(body, '"We turned').source.name == "Hannah Price"


def test_a_quotation_after_told_an_outlet_came_through_it():
    body = (
        "Mayor Karl Dunn told the Riverside Gazette that the road would reopen.\n\n"
        '"We are doing everything we can," he said.'
    )
    found = by_quote(body, '"We are')
    assert (found.source.name, found.via.name) == ("Karl Dunn", "Riverside Gazette")


def test_citing_makes_the_cited_the_source_and_the_outlet_the_relay():
    body = "Two officers were suspended, Reuters reported, citing police sources."
    found = by_quote(body, "Two officers")
    assert found.source.anonymous and found.via.name == "Reuters"


def test_quoted_as_saying_by_an_outlet():
    body = 'Mr. Sokolov was quoted as saying by Interfax that "talks are over."'
    found = by_quote(body, "Mr. Sokolov")
    assert (found.source.name, found.via.name) == ("Sokolov", "Interfax")


def test_according_to_a_document_names_it_by_its_publisher():
    body = (
        "Rents rose 9% last year, according to a report released Monday by the Urban Housing "
        "Institute.\n\n"
        "The report found that most tenants pay more than a third of their income."
    )
    names = [f.source.name for _, f in statements(body)]
    assert names == ["Urban Housing Institute report"] * 2


def test_declining_to_comment_in_its_many_forms():
    for sentence in (
        "Mr. Lowe did not return messages seeking comment.",
        "The ministry could not be reached on Sunday.",
        "A lawyer for the family declined to comment.",
        "The firm did not immediately respond.",
    ):
        ((_, found),) = statements(sentence)
        assert found.kind == StatementKind.NO_COMMENT, sentence


def test_a_speaker_saying_no_comment_is_declining_to_comment():
    body = 'A spokesman for Vesta Mining said the company "does not comment on rumors."'
    assert by_quote(body, "A spokesman").kind == StatementKind.NO_COMMENT


def test_a_dateline_is_not_part_of_the_first_statement():
    body = "OSLO, Norway (Reuters) - Officials said on Monday that the strike was over."
    ((quote, found),) = statements(body)
    assert quote.startswith("Officials said") and found.source.anonymous


# --- Confidence -----------------------------------------------------------------------------------


def test_confidence_is_higher_for_a_named_speaker_with_quotes_than_for_weak_patterns():
    body = (
        '"We are ready," said Energy Minister Tove Lind.\n\n'
        "She said the grid could cope.\n\n"
        "The plan reportedly includes new pylons, Lind said.\n\n"
        '"It is a good plan."'
    )
    by_text = {quote[:12]: f for quote, f in statements(body)}
    named = by_text['"We are read']
    pronoun = by_text["She said the"]
    hedged = by_text["The plan rep"]
    carried = by_text['"It is a goo']
    assert named.confidence > pronoun.confidence and named.confidence > hedged.confidence
    assert named.source_confidence > pronoun.source_confidence
    assert carried.source_confidence < named.source_confidence
    for found in (named, pronoun, hedged, carried):
        assert 0 < found.confidence <= 1 and 0 < found.source_confidence <= 1


# --- Entities, more -------------------------------------------------------------------------------


def test_entities_from_datelines_abbreviations_and_short_names():
    body = (
        "TULSA, Okla. (AP) — Sen. Dana Ruiz, D-N.M., and Brightwell Foods said on Monday that "
        "the Federal Trade Commission (FTC) had closed its inquiry.\n\n"
        "Brightwell said the FTC would publish its findings."
    )
    found = {name: (kind, aliases) for name, kind, aliases in find_entities(body)}
    assert found["Tulsa"][0] == "place"
    assert "Oklahoma" in found and "New Mexico" in found
    assert found["Brightwell Foods"][0] == "organisation"
    assert "Brightwell" not in found  # the short name is the same company
    assert "FTC" in found["Federal Trade Commission"][1]
    assert found["The Associated Press"][0] == "organisation"


def test_people_are_recognised_without_a_known_given_name():
    body = "Ngozi Adeyemi, 44, said the water was brown.\n\nAdeyemi said she had complained twice."
    found = {name: kind for name, kind, _ in find_entities(body)}
    assert found == {"Ngozi Adeyemi": "person"}


def test_possessive_names_and_known_bodies_side_by_side():
    body = "The Carpenters' Guild and Senate Democrats said the deal was fair."
    found = {name for name, _, _ in find_entities(body)}
    assert {"Carpenters' Guild", "Senate", "Democratic Party"} <= found


def test_a_possessive_after_the_or_a_title_is_part_of_the_name():
    body = (
        "The Harbor Lung Alliance's Research Council said the trial was promising.\n\n"
        "A spokeswoman for the Vermont Attorney General's Office said it was reviewing the "
        "case.\n\n"
        "She declined to comment further."
    )
    sources = [f.source.name for _, f in statements(body)]
    assert sources == [
        "Harbor Lung Alliance's Research Council",
        "Vermont Attorney General's Office",
        "Vermont Attorney General's Office",
    ]


def test_a_body_described_then_named_is_the_named_body():
    body = (
        "The drug's original manufacturer, Calder Biologics, said it welcomed the research.\n\n"
        "Maria Lind, director of the charity Open Harbours, said the boats were full.\n\n"
        "The charity said its ship had rescued 80 people."
    )
    found = [f.source.name for _, f in statements(body)]
    assert found == ["Calder Biologics", "Maria Lind", "Open Harbours"]


def test_a_places_police_is_a_body_with_its_usual_full_name():
    body = (
        "A warehouse burned overnight in Brookfield, Brookfield police said.\n\n"
        "Call the Brookfield Police Department tip line with information."
    )
    found = by_quote(body, "A warehouse")
    assert found.source.kind == SourceKind.GOVERNMENT
    assert "Brookfield Police Department" in [found.source.name, *found.source.aliases]
    entities = {name: aliases for name, _, aliases in find_entities(body)}
    assert any(
        "Brookfield Police Department" in [name, *aliases] for name, aliases in entities.items()
    )


def test_an_office_of_nobody_named_keeps_its_name():
    body = "The mayor's office did not respond to a request for comment."
    found = statements(body)[0][1]
    assert (found.source.name, found.kind) == ("The mayor's office", StatementKind.NO_COMMENT)


def test_a_report_by_an_office_is_the_officeholders_report():
    body = (
        "Flooding damaged 300 homes, according to a report released Monday by the Dale County "
        "engineer's office."
    )
    assert statements(body)[0][1].source.name == "Dale County engineer's report"


@pytest.mark.parametrize(
    "body, present, absent",
    [
        (
            "Philippine Defense Secretary Arturo Lim and Assistant District Attorney Kay Moss "
            "spoke.",
            {"Arturo Lim", "Kay Moss"},
            {"Philippine Defense", "Assistant District"},
        ),
        ("The plan stalled. U.S. Defense Secretary Lloyd Austin said so.", {"Lloyd Austin"}, set()),
        (
            "Minister Ana Ruiz told state broadcaster RTV and radio station KZRH the same.",
            {"RTV", "KZRH"},
            set(),
        ),
        (
            "“I’m worried,” Dr. Omar Haddad said. A vote is set for May 1. Shares of Halcyon "
            "rose. Members of Tulsa’s Sikh community came.",
            {"Omar Haddad", "Halcyon"},
            {"I’m", "May 1", "Shares of Halcyon", "Tulsa’s Sikh"},
        ),
        (
            "The probe was built by the European Space Agency’s Heron team.",
            {"European Space Agency"},
            {"European Space Agency’s Heron"},
        ),
        (
            "Stanton, a Republican, won. The senior Democrat on the panel objected.",
            {"Republican Party", "Democratic Party"},
            set(),
        ),
        (
            "A spokesperson for the Department for Environment, Food and Rural Affairs (Defra) "
            "said so.",
            {"Department for Environment, Food and Rural Affairs"},
            {"Food", "Rural Affairs", "Department for Environment"},
        ),
    ],
)
def test_entity_rules(body, present, absent):
    found = {name for name, _, _ in find_entities(body)}
    assert present <= found
    assert not absent & found


def test_a_place_is_not_taken_for_the_body_named_after_it():
    body = (
        "Nadia Cruz was elected mayor of Brightwater on Tuesday. Brightwater Progress PAC spent "
        "$40,000 against her.\n\n"
        "Road crashes in Millford rose, the Millford City Council and the Millford Cycling "
        "Club said."
    )
    found = {name: kind for name, kind, _ in find_entities(body)}
    assert found["Brightwater"] == "place"
    assert found["Millford"] == "place"
    assert found["Brightwater Progress PAC"] == "organisation"


def test_a_description_capitalised_in_a_headline_is_not_part_of_the_name():
    found = {
        name
        for name, _, _ in find_entities(
            "Lumina, a chip startup, raised $200 million.", headline="Startup Lumina raises $200m"
        )
    }
    assert "Lumina" in found and "Startup Lumina" not in found


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


@pytest.mark.parametrize(
    "first, second, relation",
    [
        ("Aleksandr Borodin", "Alexander Borodin", "same"),
        ("Mohammed al-Sharif", "Muhammad al-Sharif", "same"),
        ("Gabor Kertesz", "Gábor Kertész", "same"),
        ("Jon Smith", "John Smith", "unsure"),
        ("J. Smith", "John Smith", "unsure"),
        ("George Bush", "George W. Bush", "unsure"),
        ("Sergei Skripal", "Yulia Skripal", "different"),
        ("John Smith", "Jane Smith", "different"),
        ("John Smith", "John Jones", None),
    ],
)
def test_name_relations(first, second, relation):
    assert name_relation(first, second) == relation


def test_an_unsure_namesake_is_a_new_source_with_a_suggestion():
    john = make_source("John Smith")
    article = make_article()
    directory = SourceDirectory()
    jon = directory.source_for(parse_speaker("Jon Smith"), article)
    assert jon != john and jon.name == "Jon Smith"
    suggestion = MergeSuggestion.objects.get()
    assert (suggestion.source, suggestion.candidate) == (john, jon)
    assert 0 < suggestion.score < 1 and "Smith" in suggestion.reason
    initial = directory.source_for(parse_speaker("J. Smith"), article)
    assert MergeSuggestion.objects.filter(candidate=initial).count() == 2  # John and Jon
    assert directory.source_for(parse_speaker("Jon Smith"), make_article()) == jon


def test_plainly_different_people_are_neither_merged_nor_suggested():
    sergei = make_source("Sergei Skripal")
    yulia = SourceDirectory().source_for(parse_speaker("Yulia Skripal"), make_article())
    assert yulia != sergei
    assert not MergeSuggestion.objects.exists()


def test_a_spelling_is_merged_but_with_less_confidence():
    make_source("Dmitry Peskov")
    directory = SourceDirectory()
    directory.source_for(parse_speaker("Dmitri Peskov"), make_article())
    assert directory.last_match == "spelling"
    assert directory.confidence_for(0.97) == 0.85
    directory.source_for(parse_speaker("Dmitry Peskov"), make_article())
    assert directory.confidence_for(0.97) == 0.97


def test_different_descriptions_in_one_article_are_two_anonymous_sources():
    article = make_article()
    directory = SourceDirectory()
    official = directory.source_for(parse_speaker("a senior official"), article)
    person = directory.source_for(parse_speaker("a person familiar with the matter"), article)
    again = directory.source_for(parse_speaker("the senior official"), article)
    assert official != person and again == official


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
