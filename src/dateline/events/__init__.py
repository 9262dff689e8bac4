"""Events stage: CAMEO and PLOVER coded events with source, target, date, place and evidence.

Fills: Article.events. Needs: Article.sentences, Article.mentions, Article.published.
"""

from dateline.events.coder import CODER_VERSION, code_events
from dateline.events.lexicon import Lexicon, load_lexicon

__all__ = ["CODER_VERSION", "Lexicon", "code_events", "load_lexicon"]
