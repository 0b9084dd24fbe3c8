from types import SimpleNamespace

from stories.rendering import marked_paragraphs


def stmt(pk, body, text):
    start = body.index(text)
    return SimpleNamespace(pk=pk, start=start, end=start + len(text))


def texts(paragraphs):
    return [
        [(run.text, run.statement.pk if run.statement else None) for run in p] for p in paragraphs
    ]


def test_paragraphs_are_split_on_blank_lines_and_runs_marked():
    body = "One said this. Plain.\n\nTwo said that."
    a, b = stmt(1, body, "One said this."), stmt(2, body, "Two said that.")
    assert texts(marked_paragraphs(body, [b, a])) == [
        [("One said this.", 1), (" Plain.", None)],
        [("Two said that.", 2)],
    ]


def test_nested_statement_wins_inside_its_outer_statement():
    body = 'He said "we will win" on Monday.'
    outer, inner = stmt(1, body, body), stmt(2, body, '"we will win"')
    assert texts(marked_paragraphs(body, [outer, inner])) == [
        [("He said ", 1), ('"we will win"', 2), (" on Monday.", 1)]
    ]


def test_statement_across_paragraphs_is_marked_in_both_and_anchored_once():
    body = "A: first part\n\nsecond part. B."
    across = stmt(1, body, "first part\n\nsecond part.")
    paragraphs = marked_paragraphs(body, [across])
    assert texts(paragraphs) == [
        [("A: ", None), ("first part", 1)],
        [("second part.", 1), (" B.", None)],
    ]
    assert [run.first for p in paragraphs for run in p if run.statement] == [True, False]


def test_span_outside_the_body_is_ignored():
    body = "Short."
    bad = SimpleNamespace(pk=9, start=3, end=99)
    assert texts(marked_paragraphs(body, [bad])) == [[("Short.", None)]]


def test_orphans_and_spans_whose_words_moved_are_not_marked():
    body = "Alpha said one. Beta said two."
    orphan = SimpleNamespace(pk=1, start=0, end=15, quote="Alpha said one.", orphaned=True)
    stale = SimpleNamespace(pk=2, start=16, end=30, quote="Gamma said six", orphaned=False)
    assert texts(marked_paragraphs(body, [orphan, stale])) == [[(body, None)]]
