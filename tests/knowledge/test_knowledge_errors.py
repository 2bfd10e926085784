"""User folders (--knowledge / CARTELSCOPE_KNOWLEDGE) and bad files: FILE:LINE: what is wrong."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cartelscope import knowledge
from cartelscope.cli import app
from cartelscope.errors import KnowledgeError

runner = CliRunner()

NEW_GROUP = """\
- id: los-ejemplo
  name: Los Ejemplo
  kind: gang
  aliases:
    es: [Banda de Los Ejemplo]
    acronyms: [LEJ]
  states: [MX-GUA]
  note: A made-up group for this test.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(str(folder))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_user_folder_adds_an_actor(tmp_path):
    write(tmp_path, "actors.yaml", NEW_GROUP)
    pack = knowledge.load(str(tmp_path))
    assert pack.resolve_actor("Banda de los Ejemplo") == "los-ejemplo"
    assert pack.resolve_actor("LEJ") == "los-ejemplo"
    assert pack.resolve_actor("CJNG") == "cjng"  # the bundled pack is still there
    assert len(pack.actors) == len(knowledge.load().actors) + 1


def test_user_folder_overrides_an_actor_by_id_and_adds_an_alias(tmp_path):
    bundled = knowledge.load().actors["los-metros"]
    override = bundled.model_dump(by_alias=True, exclude={"line"})
    override["note"] = "Overridden note."
    override["aliases"]["informal"] = [*override["aliases"]["informal"], "Los Metros de Reynosa Ejemplo"]
    import yaml

    write(tmp_path, "actors.yaml", yaml.safe_dump([override], allow_unicode=True))
    pack = knowledge.load(str(tmp_path))
    assert pack.actors["los-metros"].note == "Overridden note."
    assert pack.resolve_actor("Los Metros de Reynosa Ejemplo") == "los-metros"
    assert len(pack.actors) == len(knowledge.load().actors)


def test_environment_variable_names_the_folder(tmp_path, monkeypatch):
    write(tmp_path, "actors.yaml", NEW_GROUP)
    monkeypatch.setenv("CARTELSCOPE_KNOWLEDGE", str(tmp_path))
    assert knowledge.load().resolve_actor("Los Ejemplo") == "los-ejemplo"
    result = runner.invoke(app, ["knowledge", "lookup", "Los Ejemplo", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)[0]["id"] == "los-ejemplo"


def test_cli_option_names_the_folder_and_edits_are_seen(tmp_path):
    write(tmp_path, "actors.yaml", NEW_GROUP)
    result = runner.invoke(app, ["knowledge", "stats", "--knowledge", str(tmp_path), "--format", "json"])
    base = knowledge.load().stats()["actors"]
    assert json.loads(result.output)["actors"] == base + 1
    write(tmp_path, "actors.yaml", NEW_GROUP + NEW_GROUP.replace("los-ejemplo", "los-otros")
          .replace("Los Ejemplo", "Los Otros").replace("LEJ", "LOT"))
    assert len(knowledge.load(str(tmp_path)).actors) == base + 2


def test_user_places_and_cues_extend_the_pack(tmp_path):
    write(tmp_path, "places/localities.csv",
          "id,name,municipality_inegi,state_iso,lat,lon,population,source\n"
          "900001,Rancho Ejemplo,16046,MX-MIC,19.5,-100.5,120,test\n")
    write(tmp_path, "cues.yaml", "place_stopwords:\n  es: [\"Rancho Ejemplo\"]\n")
    pack = knowledge.load(str(tmp_path))
    assert [r["state"] for r in pack.lookup("Rancho Ejemplo")] == ["MX-MIC"]
    assert pack.locality("900001").population == 120
    assert pack.cues["place_stopwords"] == ["Rancho Ejemplo"]
    assert pack.cues["hedging"]  # sections the user file does not name stay bundled


def test_user_actor_cannot_steal_a_bundled_alias(tmp_path):
    write(tmp_path, "actors.yaml", NEW_GROUP.replace("[LEJ]", "[CJNG]"))
    msg = error_of(tmp_path)
    assert re.match(rf"{re.escape(str(tmp_path / 'actors.yaml'))}:1: alias 'CJNG' of 'los-ejemplo' already belongs to 'cjng'", msg), msg


@pytest.mark.parametrize("name, text, line, what", [
    ("actors.yaml", NEW_GROUP.replace("kind: gang", "kind: mafia"), 1, "kind"),
    ("actors.yaml", NEW_GROUP.replace("  kind: gang\n", "  kind: faction\n  parent: no-such-group\n"
                                      "  parent_relation: faction_of\n"), 1, "unknown actor 'no-such-group'"),
    ("actors.yaml", NEW_GROUP.replace("[MX-GUA]", "[MX-XXX]"), 1, "unknown state 'MX-XXX'"),
    ("actors.yaml", NEW_GROUP.replace("[MX-GUA]", "[Guanajuato]"), 1, "not an ISO 3166-2:MX code"),
    ("actors.yaml", NEW_GROUP + NEW_GROUP.replace("Banda de Los Ejemplo", "Otra banda").replace("LEJ", "OTB"), 9,
     "duplicate id 'los-ejemplo'"),
    ("actors.yaml", NEW_GROUP + NEW_GROUP.replace("los-ejemplo", "los-copia").replace("name: Los Ejemplo", "name: Los Copia")
     .replace("LEJ", "LCO"), 9, "alias 'Banda de Los Ejemplo' of 'los-copia' already belongs to 'los-ejemplo'"),
    ("actors.yaml", "- id: a\n  name: b: c\n", 2, "not valid YAML"),
    ("actors.yaml", NEW_GROUP.encode("utf-8") + b"  # caf\xe9\n", 9, "not UTF-8"),
    ("places/municipalities.csv", "inegi,name,state_iso,lat,lon,variants\n01099,Uno,MX-AGU,21.9,-102.3,\n"
                                  "01098,Dos,MX-ZZZ,21.9,-102.3,\n", 3, "state_iso 'MX-ZZZ'"),
    ("places/municipalities.csv", "inegi,name,state_iso,lat,lon,variants\n1099,Uno,MX-AGU,21.9,-102.3,\n", 2,
     "five-digit"),
    ("places/localities.csv", "id,name,municipality_inegi,state_iso,lat,lon,population,source\n"
                              "900001,Uno,01001,MX-AGU,norte,-102.3,5,test\n", 2, "lat 'norte' is not a number"),
    ("places/localities.csv", "id,name,state_iso,lat,lon\n900001,Uno,MX-AGU,21.9,-102.3\n", 1, "municipality_inegi"),
    ("places/states.yaml", "- {iso: MX-XX, inegi: '99', name: Nowhere}\n", 1, "iso"),
    ("ambiguous.yaml", "- name: Ejemplo\n  candidates:\n    - {type: place, id: '99999'}\n", 1, "unknown place '99999'"),
    ("codebook.yaml", "event_types:\n  - event_type: Battles\n    sub_event_type: Skirmish\n", 2,
     "not an ACLED event type"),
])
def test_bad_file_gives_file_line_and_what_is_wrong(tmp_path, name, text, line, what):
    path = write(tmp_path, name, text)
    msg = error_of(tmp_path)
    assert msg.startswith(f"{path}:{line}: "), msg
    assert what in msg, msg


def test_misspelt_file_name_is_reported(tmp_path):
    path = write(tmp_path, "actor.yaml", NEW_GROUP)
    assert error_of(tmp_path).startswith(f"{path}: not a knowledge file name")


def test_missing_folder_is_reported(tmp_path):
    result = runner.invoke(app, ["knowledge", "stats", "--knowledge", str(tmp_path / "nope")])
    assert result.exit_code != 0
    assert "knowledge folder does not exist" in result.output


def test_cli_reports_a_bad_file_on_one_line(tmp_path):
    path = write(tmp_path, "actors.yaml", NEW_GROUP.replace("kind: gang", "kind: mafia"))
    result = runner.invoke(app, ["knowledge", "validate", "--knowledge", str(tmp_path)])
    assert result.exit_code != 0
    assert f"{path}:1: kind" in result.output
