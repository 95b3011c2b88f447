"""One token per character, whitespace included.

spaCy's own Chinese "char" segmenter merges whitespace and rebuilds the text
from tokens on every ``doc.text``; for rules that run regular expressions over
the text, one token per character is simpler and four times faster: token i
is character i, so every character offset is a token boundary, and the text
is kept once on the Doc (``doc_text``) instead of being joined again.
Each character is handed to spaCy as its string-store hash, looked up once per
distinct character, so spaCy finds its lexeme without hashing the string again
(a Doc in a third of the time, the same lexemes).
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

TEXT_KEY = "policy_kg.text"
TOKENIZER = "policy_kg.char_tokenizer.v1"  # its name in a pipeline's config.cfg


@registry.tokenizers(TOKENIZER)
def create_char_tokenizer():
    """Registered so that a saved pipeline names its tokenizer and ``spacy.load`` rebuilds it."""

    def make(nlp) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make


class CharTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._orth: dict[str, int] = {}  # character → its hash in vocab.strings

    def __call__(self, text: str) -> Doc:
        orth = self._orth
        try:
            words = list(map(orth.__getitem__, text))
        except KeyError:
            add = self.vocab.strings.add
            for ch in set(text).difference(orth):
                orth[ch] = add(ch, allow_transient=False)  # kept: the hash is reused by later Docs
            words = list(map(orth.__getitem__, text))
        doc = Doc(self.vocab, words=words, spaces=[False] * len(text))
        doc.user_data[TEXT_KEY] = text
        return doc

    # spaCy serialises a pipeline's tokenizer with the pipeline; this one has no state.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> CharTokenizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> CharTokenizer:
        return self


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer (joined once for a Doc made elsewhere)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
