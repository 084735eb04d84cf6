"""Reading a parent page's forms as a browser without JavaScript would send them."""

from __future__ import annotations

import pytest
from samen_cli.journey.forms import forms_in

pytestmark = pytest.mark.unit

PAGE = """
<form method="post" action="/ouders/toestemming/1/antwoord">
  <input type="hidden" name="token" value="t0k">
  <input type="hidden" name="taal" value="ar">
  <button class="yes" type="submit" name="antwoord" value="ja">Ja</button>
  <button class="no" type="submit" name="antwoord" value="nee">Nee</button>
</form>
<form method="post" action="/ouders/geschil-starten/2">
  <select id="subject" name="subject" required>
    <option value="opp">Het OPP</option><option value="other">Iets anders</option>
  </select>
  <textarea name="description">eerst</textarea>
  <input type="date" name="decision_date">
  <label><input type="radio" name="stage" value="conversation" checked> Gesprek</label>
  <label><input type="radio" name="stage" value="objection"> Bezwaar</label>
  <input type="checkbox" name="nodig" value="tolk" checked>
  <input type="checkbox" name="nodig" value="uitleg">
  <button type="submit">Versturen</button>
</form>
"""


def test_a_pages_forms_keep_their_action_method_and_buttons() -> None:
    answer, opening = forms_in(PAGE)
    assert (answer.action, answer.method) == ("/ouders/toestemming/1/antwoord", "post")
    assert answer.buttons == [("antwoord", "ja"), ("antwoord", "nee")]
    assert opening.buttons == [("", "")]


def test_hidden_fields_checked_choices_text_and_the_first_option_are_sent() -> None:
    _, opening = forms_in(PAGE)
    assert opening.values == {
        "subject": "opp",
        "description": "eerst",
        "decision_date": "",
        "stage": "conversation",
        "nodig": "tolk",
    }
    assert opening.choices == {"subject": ["opp", "other"], "stage": ["conversation", "objection"]}


def test_the_pressed_button_and_the_answers_go_with_the_pages_own_values() -> None:
    answer, opening = forms_in(PAGE)
    assert answer.filled({}, button="ja") == {"token": "t0k", "taal": "ar", "antwoord": "ja"}
    assert opening.filled({"subject": "other"})["subject"] == "other"


def test_pressing_a_button_the_form_lacks_is_refused() -> None:
    answer, _ = forms_in(PAGE)
    with pytest.raises(ValueError):
        answer.filled({}, button="misschien")
