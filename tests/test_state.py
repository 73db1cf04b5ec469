"""The URL state: parsing, defaults, notices and round trips."""

import pytest

from dashboard.state import Notice, Selection, ViewState, parse_query, to_query

KNOWN = (("baseline", "ptsd", "mdma-therapy"), ("amygdala", "vta"), ("mesolimbic",))


def test_empty_query_is_the_default():
    assert parse_query("", *KNOWN) == (ViewState(), [])
    assert to_query(ViewState()) == ""


def test_round_trip():
    state = ViewState(
        scenario="ptsd", compare="mdma-therapy", select=Selection("connection", "mesolimbic"),
        camera="top", lang="zh", panel="sources", labels=False, glass=False, opacity=0.3,
    )
    assert parse_query(to_query(state), *KNOWN) == (state, [])
    assert ViewState.from_dict(state.to_dict()) == state


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?scenario=ecstasy", Notice("scenario", "ecstasy")),
        ("?select=thalamus", Notice("select", "thalamus")),
        ("?select=connection:nowhere", Notice("select", "connection:nowhere")),
        ("?camera=inside", Notice("camera", "inside")),
        ("?lang=fr", Notice("lang", "fr")),
        ("?opacity=2", Notice("opacity", "2")),
        ("?opacity=abc", Notice("opacity", "abc")),
        ("?labels=maybe", Notice("labels", "maybe")),
        ("?zoom=11", Notice("zoom", "11")),
    ],
)
def test_bad_values_fall_back_with_a_notice(query, notice):
    state, notices = parse_query(query, *KNOWN)
    assert notices == [notice]
    assert state == ViewState()


def test_good_values_survive_next_to_bad_ones():
    state, notices = parse_query("?scenario=ptsd&select=nowhere&compare=none", *KNOWN)
    assert state.scenario == "ptsd" and state.select is None and state.compare is None
    assert notices == [Notice("select", "nowhere")]


def test_extra_structures_are_validated_one_by_one():
    extras = frozenset({"harvard-oxford:Left_Thalamus", "aal3:ACC_pre_L"})
    state, notices = parse_query("?extra=harvard-oxford:Left_Thalamus,aal3:Nowhere", *KNOWN, extras)
    assert state.extra == ("harvard-oxford:Left_Thalamus",)
    assert notices == [Notice("extra", "aal3:Nowhere")]
    assert parse_query(to_query(state), *KNOWN, extras) == (state, [])


def test_a_cited_section_and_the_document_panes_round_trip():
    sections = frozenset({"mdma-overview/mechanism"})
    state = ViewState(pane="protocol", panel="sources", cite="mdma-overview/mechanism")
    assert parse_query(to_query(state), *KNOWN, frozenset(), sections) == (state, [])
    bad, notices = parse_query("?cite=mdma-overview/nowhere&pane=dosing", *KNOWN, frozenset(), sections)
    assert bad == ViewState()
    assert notices == [Notice("pane", "dosing"), Notice("cite", "mdma-overview/nowhere")]


def test_tour_step_presentation_and_theme_round_trip():
    state = ViewState(step=3, present=True, theme="dark")
    assert parse_query(to_query(state), *KNOWN, steps=8) == (state, [])
    bad, notices = parse_query("?step=9&theme=neon&present=maybe", *KNOWN, steps=8)
    assert bad == ViewState()
    assert {notice.parameter for notice in notices} == {"step", "theme", "present"}


@pytest.mark.parametrize("step", ["²", "٣", "3.0", "-1", ""])
def test_a_step_that_is_not_plain_ascii_digits_is_a_notice_not_a_crash(step):
    # "²".isdigit() is true, and int("²") raises (found by the URL fuzz test)
    state, notices = parse_query(f"?step={step}", *KNOWN, steps=8)
    assert state.step is None and notices == [Notice("step", step)]
