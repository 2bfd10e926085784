"""Grammatical context shared by the event and relation steps (on folded text)."""
from __future__ import annotations

import re

from cartelscope.extract.context import ActorRef, DocContext

# "X and Y announced an alliance against Z", "un pacto contra Z": what follows is the common enemy
AGAINST = re.compile(r"\b(?:against|to fight|to confront|contra|para enfrentar|para combatir|frente a)\b")

# "La Mayiza, a faction of the Sinaloa Cartel", "dentro del Cártel de Sinaloa": the group after
# these words only describes the faction named before it
_DESCRIBES = re.compile(r"(?:(?:factions?|wings?|cells?|faccion|facciones|celulas?|brazos? armados?|escision|"
                        r"splinters?|offshoots?)\s+(?:of|del|de la|de los|de)|\b(?:within|inside|dentro del|dentro de))\s+"
                        r"(?:the\s+|el\s+|la\s+)?$")
DESCRIPTION_REACH = 30


def describes(ctx: DocContext, ref: ActorRef) -> bool:
    """True when the mention only describes another group ('a faction of the Sinaloa Cartel')."""
    return bool(_DESCRIBES.search(ctx.folded[max(0, ref.start - DESCRIPTION_REACH):ref.start]))
