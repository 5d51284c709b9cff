"""What every stage reads about language: the bundled names table (countries, cities and bodies
as seven languages write them, ``names``) and figures as each language writes them (``numbers``).

It sits below the pipeline's stages: ``analyze`` (sentence ends, speakers, origins), ``match``
(event dates) and ``compare`` (facts, quotes, conflicts) read it, and it imports none of them.
"""
