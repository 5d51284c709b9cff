"""match: group same-story articles online (issue 4).

``OnlineClusterer`` assigns each arriving article to a story or opens one; ``cluster`` runs it
over a whole sequence; ``similarity`` and ``near_duplicate_score`` score one pair.
"""

from storydiff.match.clusterer import OnlineClusterer, Prepared, cluster, prepare, story_id_for
from storydiff.match.doc import MatchDoc
from storydiff.match.fingerprint import near_duplicate_score
from storydiff.match.similarity import similarity

__all__ = [
    "MatchDoc",
    "OnlineClusterer",
    "Prepared",
    "cluster",
    "near_duplicate_score",
    "prepare",
    "similarity",
    "story_id_for",
]
