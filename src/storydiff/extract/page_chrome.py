"""Lines of pasted page text that are the page's furniture in any language: photo captions signed
with their credit, and template markup a page printed unrendered.

A caption under a news photo ends with who took or owns the picture: "... auf dem Karama-Platz.
Foto: Alexander Daleiden", "(Picture: PA)", "Photo by PUNIT PARANJPE", "Bildrechte: MDR/David
Straub", "(Bild: Tobias Költzsch/Golem.de)". The label words are a closed list in the languages
the three line corpora hold most (en, de, fr, es, it, pt, nl, pl, cs, no/sv/da, fi, ru/uk); what
follows them is a name, not a sentence. ``line_rules`` keeps its English credit patterns for
article bodies (the HTML path reads them too); these stay with page text, where the caption sits
between paragraphs with nothing to mark it. A line that is a caption label alone ("Legende: ...",
"Bildunterschrift: ...") is one too.

Template markup (``{| current_displayName |}``, ``{* #signInForm *}``) is a comment form's or a
login widget's source, never the article.
"""

from __future__ import annotations

import re

# The credit's label, then a name or agency: no sentence end inside, at the line's end.
_CREDIT_WORDS = (
    r"foto(?:s|grafie|graf|grafía|grafia)?|photos?|photograph(?:y|er)?|picture|image|bild(?:rechte|quelle)?"
    r"|kuva|фото|zdjęcie|imagen|immagine|crédits? photos?|credits?"
)
_CREDIT_AT_END = re.compile(
    rf"(?:^|[\s(\[|/·•–—-])(?:{_CREDIT_WORDS})\s*:\s*[^.!?:]{{2,80}}[)\]]?\s*$"  # "... Foto: Name"
    r"|\bphoto(?:graph)?\s+by\s+[^.!?]{2,60}$"  # "... Photo by Name"
    rf"|\((?:{_CREDIT_WORDS})\s*:[^)]{{2,80}}\)\s*$",  # "... (Picture: PA)"
    re.I,
)
# A caption's own label at the start of the line.
_CAPTION_LABEL = re.compile(r"^\s*(?:legende|bildunterschrift|caption|légende|pie de foto|didascalia)\s*:", re.I)
# Unrendered template markup of a login or comment widget: {| x |}, {* x *}. Not {{ x }} or {% x %}:
# a documentation page's own examples are written so (wcxb-dev's Django pages: body lines).
_TEMPLATE = re.compile(r"\{[|*]\s*[#/]?\w[^{}]{0,200}[|*]\}")
# A paragraph may end by naming its source ("... says the report. Source: Eurostat"); a caption
# is a short line.
MAX_CAPTION_WORDS = 40


def chrome_kind(line: str) -> str | None:
    """``"caption"``, ``"template"`` or None for one line of page text."""
    stripped = line.strip()
    if not stripped:
        return None
    if ("{" in stripped) and _TEMPLATE.search(stripped[:2000]):
        return "template"
    if len(stripped.split()) > MAX_CAPTION_WORDS:
        return None
    if _CAPTION_LABEL.search(stripped) or _CREDIT_AT_END.search(stripped):
        return "caption"
    return None
