"""rules-v2: spaCy's English pipeline plus the general grammar of health-industry event news.

How one article is read (:class:`~kg.extract.rules.reader.Reader`, which holds the article's
state and runs the steps in order, each in a module named for its job):

1. names (:mod:`kg.extract.mentions`), acronyms ("... (CIIE)") and editions ("the 2023 X",
   "X 2023", "this year's X", "the third X") become entities (:mod:`~kg.extract.rules.names`,
   :mod:`~kg.extract.rules.editions`); a dated edition is a node of its own, ``inSeries`` the
   recurring event;
2. events named only by a description ("a special exhibition on ...", "the signing ceremony
   for ...") become article-scoped entities (:mod:`~kg.extract.rules.described`); the event the
   article is about is chosen (:mod:`~kg.extract.rules.main_event`); "the forum", "the event",
   "the exhibition" are resolved to the event they refer to (the most recent event with the same
   head noun, else the event the article is about), venues, governments and bodies likewise
   (:mod:`~kg.extract.rules.anaphora`), so facts hang on the right node; short forms merge into
   full names (:mod:`~kg.extract.rules.merges`) and context settles types
   (:mod:`~kg.extract.rules.types_from_context`);
3. each sentence (:class:`~kg.extract.rules.sentence.Sentence`) is read by the rule families
   of :mod:`kg.extract.rules.families`, one module per kind of fact: hosts, occurrence,
   participation, exhibitors, sub-events, themes, posts, organizations, places, agreements,
   figures;
4. what only the whole article tells is added, and the records cleaned
   (:mod:`~kg.extract.rules.finish`).
"""

from kg.extract.rules.reader import RulesExtractor

__all__ = ["RulesExtractor"]
