"""Patterns matched backwards give the same answer as searching forwards in the window."""
from __future__ import annotations

import re

import pytest

from cartelscope.extract.backward import EndingAt
from cartelscope.extract.context import DocContext
from cartelscope.extract.textmatch import fold
from cartelscope.knowledge import KnowledgePack


def _Doc(text: str) -> DocContext:
    """A document context with nothing but the folded text (and its reverse) that EndingAt reads."""
    return DocContext(text, fold(text), "en", None, KnowledgePack(), [], [])


PATTERNS = [
    r"\b(?:para|in order to|con el fin de|(?:evitar|avoid)(?:\s+(?:una?|a|the))?)\s+$",
    r"(?:border with|(?<!the )(?:north|south) of|frontera con)\s+(?:the\s+)?$|\b(?:bound for|con destino a)\s+$",
    r"(?:\d\s*(?:de)?|\bde|\bin|\blast)\s*$",
    r"\b(?:colonias?|col\.|calle)\s+(?:de\s+)?$",
    r"(?:former|antigu[oa]s?)\s+(?:\w+\s+){0,2}(?:of|de|del)\s+(?:the\s+|el\s+)?$",
    r"(?=[a-z])\w+\s+$",
    r"(?<!convoy )(?<!saw clashes far to the )(?:north|south) of\s+$",  # look-behinds wider than \b
    r"\b(?:colonia|calle|municipio)\s+(?:de\s+)?$|\b(?:town|north) of $",  # "de", "of": only after a word
    r"(?:fire|stop)\s*(?:in\s+)?(?:order|the)\s+(?:to\s+)?$",  # "\s*": no word of its own before "order"
]

TEXT = ("Gunmen opened fire in order to stop the convoy north of Culiacán, south of Navolato, bound for the border with "
        "Sonora; the north of Sinaloa saw clashes far to the north of Sinaloa.\nEl 9 de junio, para evitar una masacre en la colonia "
        "Guerrero, la calle de Morelos y con destino a Tijuana, un antiguo aliado del CJNG huyó.\n"
        "A former ally of the Gulf Cartel, last seen in 2019.\n")


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("reach", [1, 8, 12, 25, 40, 80])
def test_backward_answer_equals_forward_search_at_every_position(pattern, reach):
    doc = _Doc(TEXT)
    rule = EndingAt(pattern)
    forward = re.compile(pattern)
    hits = 0
    for end in range(len(doc.folded) + 1):
        lo = max(0, end - reach)
        unsliced = bool(forward.search(doc.folded, lo, end))
        sliced = bool(forward.search(doc.folded[lo:end]))
        assert rule.before(doc, end, reach) is unsliced, (pattern, end, doc.folded[lo:end])
        assert rule.before(doc, end, reach, sliced=True) is sliced, (pattern, end, doc.folded[lo:end])
        hits += unsliced
    if reach >= 25:
        assert hits  # the text exercises every pattern


def test_what_cannot_be_reversed_is_refused_when_built():
    with pytest.raises(ValueError, match="must end with"):
        EndingAt(r"\bpara\s+")
    with pytest.raises(ValueError, match="must end with"):
        EndingAt(r"para$|contra")
    with pytest.raises(ValueError, match="not supported"):
        EndingAt(r"(a)\1$")
    with pytest.raises(ValueError, match="supported only"):
        EndingAt(r"^para\s+$")


def _package_rules() -> list[tuple[str, EndingAt]]:
    import importlib

    out = []
    for name in ("actors", "clauses", "events", "numbers", "places", "relations"):
        module = importlib.import_module(f"cartelscope.extract.{name}")
        out += [(f"{name}.{attr}", rule) for attr, rule in vars(module).items() if isinstance(rule, EndingAt)]
    return out


# sentences in which the package's rules fire, with their endings spread over line breaks and
# double spaces, so that the literal-ending gate meets every shape of whitespace
RULE_TEXT = ("Sicarios del cártel de los Zetas, presuntamente ligados a la facción del CJNG, huyeron hacia la "
             "colonia  Centro, cerca de\nla frontera con Guatemala; the former ally of the Gulf Cartel, a faction "
             "within the Sinaloa Cartel, fought for the town of Aguililla, near the border with Jalisco, in order "
             "to avoid a clash. Fueron asesinados por la célula del grupo; sus hijos de El Chapo y esa disputa con "
             "Guatemalan soldiers en la calle de Morelos, del municipio de Apatzingán, el 9 de mayo, hasta abril. "
             "Las autoridades de los Estados Unidos and U.S. agents said their rival was charged with kidnapping. "
             "El grupo conocido como  La Empresa. La Mayiza, loyal to the jailed\nIsmael \"El Mayo\" Zambada and his  Caborca Cartel, among them\nLos Viagras, en alianza con grupos ligados al  Cártel de Sinaloa, entre facciones del\nCártel del Golfo; banners signed by  La Mayiza.\n"
             "Vecinos de una colonia de Tula golpearon a dos hombres junto a la autopista México-Querétaro.\n"
             "Se llevaron al señor a la altura de  Matehuala; eran de\nSaltillo, en una camioneta con placas de Coahuila; una familia de Escobedo.\n"
             "Officials describe it as a\nSinaloa Cartel faction. Los Viagras y Cárteles Unidos, organizaciones  aliadas.\n"
             "a cell of the  Tijuana cartel y la facción de\nLos Chapitos; dos originarios de Veracruz y uno de  Juárez, o from Apatzingán and one from\nUruapan; Dos policías de  Celaya y inmates aligned with\nLa Mayiza; Cárteles Unidos, la  coalición; la Fiscalía lo atribuyó a La Línea.\n"
             "En la alcaldía  Cuauhtémoc y la delegación de\nTlalpan.\n")


@pytest.mark.parametrize("name, rule", _package_rules(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_rule_of_the_package_answers_as_its_forward_search(name, rule):
    doc = _Doc(RULE_TEXT)
    forward = re.compile(rule.pattern)
    assert any(rule.before(doc, end, 60) for end in range(len(doc.folded) + 1)), f"{name} never fires in the text"
    for reach in (12, 40, 60):
        for end in range(len(doc.folded) + 1):
            lo = max(0, end - reach)
            assert rule.before(doc, end, reach) is bool(forward.search(doc.folded, lo, end)), (name, end)
            assert rule.before(doc, end, reach, sliced=True) is bool(forward.search(doc.folded[lo:end])), (name, end)


def test_literal_endings_gate_only_what_cannot_match():
    rule = EndingAt(r"\b(?:colonias?|col\.|calle)\s+(?:de\s+)?$")
    assert set(rule.tails) == {"colonia", "colonias", "col.", "calle", "de"}
    assert EndingAt(r"(?:former|antigu[oa]s?)\s+(?:\w+\s+){0,2}(?:of|de)\s+(?:the\s+)?$").tails == ("de", "of", "the")
    assert EndingAt(r"(?:\d\s*(?:de)?|\bde)\s*$").tails is None  # a digit may end it
    assert EndingAt(r"(?=[a-z])\w+\s+$").tails is None
    assert EndingAt(r"\bpara\s+$", re.IGNORECASE).tails is None


def test_endings_that_need_a_word_before_them_are_gated_on_it():
    rule = EndingAt(r"\b(?:alcaldia|alcaldias|delegacion|borough of)\s+(?:de\s+)?$")
    free = {"alcaldia": "", "alcaldias": "", "delegacion": ""}
    assert _endings(rule) == {**free, "de": {**free, "of": {"borough": ""}}, "of": {"borough": ""}}
    assert rule._endings is not None and rule._endings.free.ending("la alcaldia", 10) == ("alcaldia",)
    assert rule._endings.free.ending("calle", 4) == ()
    doc = _Doc("La delegación de\n Tlalpan, la colonia de Tlalpan; the borough of Queens, the bills of Queens.")
    ends = [doc.folded.find(name) for name in ("tlalpan", "tlalpan;", "queens", "queens.")]
    assert [rule.before(doc, end, 40) for end in ends] == [True, False, True, False]
    assert not rule.before(doc, ends[0], 11)  # "delegacion" is not in the window
    rule._match = _no_regex  # these the gates answer alone
    for text in ("la colonia de tlalpan", "la colonia xde tlalpan", "la alcaldia.de tlalpan", "la ciudad de tlalpan"):
        assert not rule.before(_Doc(text), len(text) - 7, 40), text
    doc = _Doc("y la colonia")  # the word before as short as can be, first in the window
    assert EndingAt(r"\b(?:y|en)\s+(?:la\s+)?$").before(doc, 5, 5, sliced=True)
    # a word before is required only where the pattern puts whitespace, at least one character,
    # between the two: after "\s*", a class or the pattern's start the ending is matched alone
    assert _endings(EndingAt(r"(?:north|south)\s*of\s+$")) == {"of": ""}
    assert _endings(EndingAt(r"(?:former|ex)\s+(?:\w+\s+){0,2}(?:of|de)\s+(?:the\s+)?$")) == {
        "de": "", "of": "", "the": {"de": "", "of": ""}}
    # three words back at most: "c" is as good as any word ending in "c"
    assert _endings(EndingAt(r"\ba b c d\s+$")) == {"d": {"c": {"b": ""}}}
    assert EndingAt(r"\ba b c d\s+$").before(_Doc("a b c d "), 8, 8)
    rule = EndingAt(r"\b(?:straße|colonia)\s+(?:de\s+)?$")  # endings beyond ASCII
    assert _endings(rule) == {"colonia": "", "straße": "", "de": {"colonia": "", "straße": ""}}
    assert rule.before(_Doc("la straße x"), 10, 20) and rule.before(_Doc("la straße de x"), 13, 20)
    assert not rule.before(_Doc("la strasse de x"), 14, 20)


def _no_regex(*args):
    raise AssertionError("the gates should have answered without the regex")


def _endings(rule: EndingAt) -> dict[str, object]:
    """The literal endings of ``rule`` as plain data (see _Endings.words)."""
    assert rule._endings is not None
    return rule._endings.words()


def test_endings_are_compared_inside_the_window_without_slicing():
    from cartelscope.extract.backward import _ends_with

    text = "en la calle de"
    for lo in range(len(text) + 1):
        for k in range(lo, len(text) + 1):
            for words in (("calle",), ("valle", "de"), ("e",), ("la calle",), ("xen la",), ()):
                assert _ends_with(text, lo, k, words) is text[lo:k].endswith(words), (lo, k, words)


def test_whitespace_is_read_as_str_isspace_reads_it():
    from cartelscope.extract.textmatch import is_space_at

    text = "".join(map(chr, range(0x3001))) + "\u205f\U0001f600"
    assert [i for i in range(len(text)) if is_space_at(text, i)] == [i for i, ch in enumerate(text) if ch.isspace()]


def test_a_repeated_group_is_no_literal_run_into_what_precedes_it():
    rule = EndingAt(r"x(?:ab){1,3}\s+$")
    assert rule.tails == ("ab",)  # not "xab": "xabab" ends with "ab" only
    doc = _Doc("xabab cd")
    assert rule.before(doc, 6, 12) and rule.before(doc, 6, 12, sliced=True)


def test_literal_beginnings_gate_patterns_that_may_end_in_anything():
    rule = EndingAt(r"\b(?:allegedly|linked to|ligad[oa]s? a)\W+(?:\w+\W+){0,2}$")
    assert rule.tails is None and rule.heads == ("allegedly", "ligad", "linked to")
    doc = _Doc("Gunmen allegedly linked to the CJNG fled; others were not.")
    assert rule.before(doc, doc.folded.index("cjng"), 60)
    assert not rule.before(doc, doc.folded.index("were"), 12)  # no beginning within the window
