"""What every stage reads about language: the bundled names table (countries, cities and bodies
as seven languages write them: ``names``), given names across scripts (``given_names``), figures
as each language writes them (``numbers``) and the outlets and wire agencies storydiff knows by
name (``outlets``).

It sits below the pipeline's stages: ``extract`` (mastheads, credit lines), ``analyze``
(sentence ends, speakers, origins), ``match`` (event dates, ledes) and ``compare`` (facts, quotes,
conflicts) read it, and it imports none of them (``tests/test_layering.py``).
"""
