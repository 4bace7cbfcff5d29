"""Read a PETRARCH-2 verb dictionary into a :class:`~eventwire.events.lexicon.Lexicon`.

The format (see the header comments of PETRARCH's CAMEO.2.0.txt and of
``PETRreader.read_verb_dictionary``):

- ``&NAME`` starts a synonym set; its members follow on ``+WORD`` lines (``_`` joins the
  words of a phrase; a member may itself be a synset).
- ``--- NAME [CODE] ---`` starts a verb block. The verb lines below it list synonymous
  verbs, each with optional irregular forms in ``{...}`` and an optional own code in
  ``[...]``; ``+BEEF_UP`` is a multi-word verb whose ``+`` word is the verb.
- ``- PRE * POST [CODE] # comment`` is a pattern for every verb of the block: ``*`` is
  the verb, ``$`` the source, ``+`` the target, ``%`` both (a compound, symmetric actor),
  ``^`` any words, ``(PREP ...)`` a prepositional phrase, ``{A B}`` a noun phrase with
  head ``B``, ``&NAME`` any member of a synset, ``_`` words that must be adjacent.
- Codes: ``[---]`` codes nothing; ``[042:043]`` gives the code of the source's event and
  of the target's reciprocal one (equal codes mean a symmetric event); PETRARCH-2 reads
  the second code as the verb's passive reading, so its dictionaries code no reciprocal.
- A pattern repeated in a block: PETRARCH-1 tries the lines in order (the first wins);
  PETRARCH-2 stores a block's patterns in one tree, where the last line wins.
- ``~ ...`` lines are verb transformations (what a verb makes of the event it governs:
  ``~ a (b . ATTACK) SAY = a b 112``), read by :mod:`.petrarch_clauses`; a file with them
  is a PETRARCH-2 dictionary, whose patterns name the verb's own phrases.

A pattern becomes a :class:`~eventwire.events.petrarch_patterns.PetrarchPattern` (a
:class:`VerbPattern` that also requires the words written before the verb, such as a
negating auxiliary, and the object's other words, "DIPLOMATIC TIES") as far as it maps
onto (verb, particle, object head, target preposition); patterns with a fixed object of
a preposition, several prepositions or an undefined synset are skipped, and
``Lexicon.stats`` counts how many lines were converted and why the others were not.
Codes are kept as given (the validation dictionaries use test-only codes).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from eventwire.errors import DataFileError
from eventwire.events.lexicon import Lexicon, VerbPattern
from eventwire.events.petrarch_clauses import PetrarchLexicon, read_transformation
from eventwire.events.petrarch_patterns import PetrarchPattern
from eventwire.events.petrarch_words import (
    MARKERS,
    PARTICLES,
    PREPOSITIONS,
    adjacency,
    after_roles,
    after_words,
)

_CODE = re.compile(r"\[([^\]]*)\]\s*$")


@dataclass
class _Reader:
    """State while reading one file: synsets, the current block and the counts."""

    label: str
    synsets: dict[str, list[str]] = field(default_factory=dict)
    patterns: list[VerbPattern] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    #: pattern key → (its place in ``patterns``, the block it came from)
    seen: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    block: int = 0  # the number of the verb block being read
    #: PETRARCH-2 form (the file has verb transformations): patterns name the verb's own
    #: phrases, and an embedded clause is an event of its own (:mod:`.petrarch_clauses`)
    phrase_bound: bool = False
    verb_codes: dict[str, str] = field(default_factory=dict)  # a verb's own code, first wins
    transformations: list[tuple[str, str]] = field(default_factory=list)  # (line, place)

    def add(self, pattern: VerbPattern, *, verb_line: bool = False) -> bool:
        """Add a pattern unless it repeats one (``verb_line``: a verb's own code, which a
        verb listed again does not change)."""
        if isinstance(pattern, PetrarchPattern) and self.phrase_bound:
            # PETRARCH-2 reads "[042:043]" as the codes of the active and the passive
            # reading of the verb, one event either way: no reciprocal event
            pattern = replace(pattern, phrase_bound=True, reciprocal=None)
        key = (pattern.verb, pattern.particle, pattern.obj, pattern.prep)
        if isinstance(pattern, PetrarchPattern):
            key += (pattern.before, pattern.words, pattern.after, pattern.compound)
            key += (pattern.prefix,)
        if key in self.seen:
            place, block = self.seen[key]
            if self.phrase_bound and block == self.block and not verb_line:
                # PETRARCH-2 stores a block's patterns in one tree, so a later line with
                # the same words overwrites the earlier one ("- * SUPPORT [051] # GIVE",
                # then "- * SUPPORT [060] # LEND": 060); PETRARCH-1 tries them in order
                self.patterns[place] = pattern
                return True
            return False  # an earlier line already defines it
        self.seen[key] = (len(self.patterns), self.block)
        self.patterns.append(pattern)
        return True

    def skip(self, reason: str) -> None:
        self.stats[f"skipped: {reason}"] += 1


def read_petrarch_verbs(path: Path) -> Lexicon:
    """Convert a PETRARCH-2 verb dictionary (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise DataFileError(f"cannot read the verb dictionary: {error}", path=str(path)) from None
    reader = _Reader(path.name)
    lines = text.splitlines()
    # Verb transformations ("~ a (a b ATTACK) SAY = a b 015") came with PETRARCH-2, which
    # matches a pattern's words in the verb's own phrases and codes an embedded clause as
    # an event of its own, combined with the verb's code; PETRARCH-1 patterns run over
    # the whole verb phrase, embedded clauses included (its unit tests rely on it)
    reader.phrase_bound = any(line.startswith("~") for line in lines)
    _read(lines, reader)
    if not reader.patterns:
        raise DataFileError(
            "no verb patterns found; is this a PETRARCH verb dictionary?", path=str(path)
        )
    rules = []
    for line, where in reader.transformations:
        rule = read_transformation(line, reader.verb_codes, where)
        if isinstance(rule, str):
            reader.skip(rule)
        else:
            rules.append(rule)
            reader.stats["converted: transformation"] += 1
    stats = dict(sorted(reader.stats.items()))
    stats["patterns"] = len(reader.patterns)
    stats["petrarch-2 semantics"] = int(reader.phrase_bound)
    return PetrarchLexicon(reader.patterns, [], stats, rules, reader.phrase_bound)


def _read(lines: list[str], reader: _Reader) -> None:
    synset: str | None = None  # the synset whose "+" members are being read
    block_code = "---"
    verbs: list[tuple[str, str | None, tuple[str, ...]]] = []
    in_block = False
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("####") else ""
        if not line.strip() or line.startswith("<!"):
            synset = None if not line.strip() else synset
            continue
        if line.startswith("&"):
            synset = line.split()[0]
            reader.synsets.setdefault(synset, [])
        elif line.startswith("+") and synset is not None:
            reader.synsets[synset].append(line[1:].strip())
        elif line.startswith("---"):
            synset, in_block, verbs = None, True, []
            reader.block += 1
            match = re.search(r"\[([^\]]*)\]", line)
            block_code = match.group(1).strip() if match else "---"
        elif line.startswith("~"):
            reader.transformations.append((line, f"{reader.label}:{number}"))
        elif line.startswith("-") and in_block:
            _pattern(line[1:], verbs, f"{reader.label}:{number}", reader)
        elif in_block:
            verb = _verb(line, block_code, f"{reader.label}:{number}", reader)
            if verb is not None:
                verbs.append(verb[:3])


def _verb(
    line: str, block_code: str, where: str, reader: _Reader
) -> tuple[str, str | None, tuple[str, ...], str] | None:
    """A verb line → (lemma, particle, words right before it, code); adds its bare pattern
    when it codes something. "WIRE_+TAP" is the verb "tap" right after "wire"."""
    match = _CODE.search(line)
    code = match.group(1).strip() if match else block_code
    stem = re.sub(r"\{.*?\}", " ", _CODE.sub("", line)).split()
    if not stem:
        return None
    words = stem[0].lower().split("_")
    marked = [i for i, word in enumerate(words) if word.startswith("+")]
    head = marked[0] if marked else 0
    words = [word.lstrip("+") for word in words]
    rest = words[head + 1 :]
    if len(rest) > 1 or (rest and rest[0] not in PARTICLES | PREPOSITIONS) or (head and rest):
        reader.skip("multi-word verb that is not verb + particle")
        return None
    verb, particle, prefix = words[head], (rest[0] if rest else None), tuple(words[:head])
    if not (particle or prefix) and code not in {"---", ""} and _valid(code):
        reader.verb_codes.setdefault(verb, code.partition(":")[0].strip())
    if code and not _valid(code):
        reader.skip("code that is no CAMEO code")
    elif code not in {"---", ""}:
        first, symmetric = _split_code(code)
        back = _reciprocal(code)
        if particle in PARTICLES or particle is None:
            bare = PetrarchPattern(
                verb, particle, None, None, first, symmetric, "obj", where, reciprocal=back,
                prefix=prefix,
            )  # fmt: skip
        else:  # "+MEET_WITH": the preposition introduces the target
            bare = PetrarchPattern(
                verb, None, None, particle, first, symmetric, "prep", where, reciprocal=back
            )
        reader.add(bare, verb_line=True)
        reader.stats["converted: verb"] += 1
    return verb, particle, prefix, code


def _valid(code: str) -> bool:
    """A CAMEO code ("042", "174K"), a pair of them ("032:033") or the null code "---"."""
    return all(part.strip() == "---" or part.strip()[:1].isdigit() for part in code.split(":"))


def _split_code(code: str) -> tuple[str, bool]:
    """``042:043`` → (``042``, False); ``057:057`` → (``057``, True)."""
    first, _, second = code.partition(":")
    return first.strip(), second.strip() == first.strip()


def _reciprocal(code: str) -> str | None:
    """``032:033`` → ``033``: the code of the target's event back to the source."""
    first, _, second = code.partition(":")
    return second.strip() if second.strip() not in ("", first.strip(), "---") else None


def _pattern(
    body: str, verbs: list[tuple[str, str | None, tuple[str, ...]]], where: str, reader: _Reader
) -> None:
    match = _CODE.search(body)
    if match is None:
        reader.skip("no code")
        return
    code, symmetric = _split_code(match.group(1))
    if code == "":
        reader.skip("null code")
        return
    if not _valid(code):
        # "[+++]", "[###]", "[abc]": PETRARCH reads no event code there, so the line
        # never matches and a less specific pattern codes the sentence
        reader.skip("code that is no CAMEO code")
        return
    # "[---]" is kept: a matching null pattern stops the verb's own code ("PEACE-KEEPING *")
    if not verbs:
        reader.skip("block without usable verbs")
        return
    try:
        expansions = _expand(_CODE.sub("", body).strip(), reader.synsets, depth=0)
    except KeyError as error:
        reader.skip(f"undefined synset {error.args[0]}")
        return
    reasons: Counter = Counter()
    made = 0
    for text in expansions:
        shape = _shape(text)
        if isinstance(shape, str) and shape in LINEAR:
            shape = _linear(text)
        if isinstance(shape, str):
            reasons[shape] += 1
            continue
        after = after_words(text)
        for verb, word, prefix in verbs:
            pattern = _combine(verb, word, shape[:5], code, symmetric, where)
            if isinstance(pattern, VerbPattern):
                extra = {"before": shape[5], "words": shape[6], "after": after}
                # "- % * [030:030]": the members of a compound subject act on each other
                extra["compound"] = "%" in text.partition("*")[0].split()
                extra["prefix"] = prefix
                extra["before_joins"], extra["after_joins"] = adjacency(text, shape[5], after)
                extra["after_in_phrases"] = after_roles(text, after)
                extra["reciprocal"] = _reciprocal(match.group(1))
                pattern = PetrarchPattern(*_fields(pattern), **extra)
            if isinstance(pattern, str):
                reasons[pattern] += 1
            else:
                made += reader.add(pattern)
    if made:
        reader.stats["converted: pattern"] += 1
    elif reasons:
        reader.skip(reasons.most_common(1)[0][0])
    else:
        reader.skip("duplicate of an earlier pattern")


def _combine(
    verb: str, word: str | None, shape: tuple, code: str, symmetric: bool, where: str
) -> VerbPattern | str:
    """The pattern of one verb of the block (``word``: the second word of "+MEET_WITH")."""
    particle, obj, prep, target, both = shape
    if word is None or word in PARTICLES:
        if word and particle:
            return "particle on a multi-word verb"
        return VerbPattern(
            verb, word or particle, obj, prep, code, symmetric or both, target, where
        )
    # A verb + preposition ("meet with"): its object is the target, so the pattern may add
    # nothing but its own words after the preposition, which have no place in a VerbPattern.
    if obj or prep or particle:
        return "object after a verb + preposition"
    return VerbPattern(verb, None, None, word, code, symmetric or both, "prep", where)


# Patterns that do not fit (particle, object, preposition) are matched as PETRARCH reads
# them: their words in order in the verb phrase ("- * &PREPOSIT1 RESOLUTION": "acted on a
# resolution"), the target after the word before "+" when that word is a preposition.
LINEAR = frozenset(
    {
        "preposition with a fixed object", "several prepositions", "object phrase of more "
        "than three words", "unknown word opening a phrase", "target marker with other words",
    }
)  # fmt: skip


def _linear(text: str) -> tuple | str:
    """The shape of a pattern matched by its words: no object or particle slot; the
    target's preposition is the word right before "+" when it is one. After skipped
    words ("IFTAR IN ^ +": "in Cairo with X") the target is no object of that
    preposition, and is sought where PETRARCH seeks it by default."""
    pre, _, post = text.replace("_", " ").partition("*")
    before = pre.split()
    if "+" in before:
        return "target before the verb"
    tokens = re.findall(r"[^\s(){}]+", post.lower())
    if "$" in tokens:
        return "source after the verb"
    prep, target = None, "obj"
    if "+" in tokens or "%" in tokens:
        mark = tokens.index("+") if "+" in tokens else tokens.index("%")
        if mark > 0 and tokens[mark - 1] in PREPOSITIONS:
            prep, target = tokens[mark - 1], "prep"
    both = "%" in before or "%" in tokens
    words_before = tuple(word.lower() for word in before if word not in MARKERS)
    return None, None, prep, target, both, words_before, ()


def _fields(pattern: VerbPattern) -> tuple:
    p = pattern
    return (p.verb, p.particle, p.obj, p.prep, p.code, p.symmetric, p.target, p.where)


def _expand(text: str, synsets: dict[str, list[str]], depth: int) -> list[str]:
    """Every text with each ``&NAME`` replaced by one of its members (members may nest)."""
    match = re.search(r"&[A-Z0-9]+(?:_[A-Z0-9]*)*", text)
    if match is None or depth > 5:
        return [text]
    name, used = _synset_name(match.group(0), synsets)
    out: list[str] = []
    for member in synsets[name]:
        rest = text[match.start() + used :]
        out.extend(
            _expand(
                text[: match.start()] + member.replace("_", " ") + " " + rest, synsets, depth + 1
            )
        )
    return out


def _synset_name(found: str, synsets: dict[str, list[str]]) -> tuple[str, int]:
    """The defined synset a ``&WORD_WORD`` token starts with and how many characters of it
    the name uses: "_" both ends names ("&AUXVERB1_", written "&AUXVERB1" in patterns) and
    joins words ("NEW_&TIETYPES_RELATIONS"), so the longest defined name wins."""
    parts = found.split("_")
    for end in range(len(parts), 0, -1):
        name = "_".join(parts[:end])
        for candidate in (name, name + "_"):
            if candidate in synsets:
                return candidate, min(len(candidate), len(found))
    raise KeyError(found)


def _shape(text: str) -> tuple | str:
    """(particle, object head, preposition, target, symmetric, words before the verb, the
    object's other words) of one pattern text, or the reason it cannot be converted."""
    if "*" not in text:
        return "no verb marker"
    pre, _, post = text.replace("_", " ").partition("*")
    before = pre.split()
    if "+" in before:
        return "target before the verb"
    # Words before the verb ("&NEGATVAUXVRB * OVER EFFORTS", "NOT *") must precede it.
    words_before = tuple(word.lower() for word in before if word not in MARKERS)
    both = "%" in before
    tokens = re.findall(r"\(|\)|[^\s(){}]+", post.lower())
    particle: str | None = None
    np: list[str] = []
    phrases: list[list[str]] = []  # each [preposition, words...]
    bracketed = unbracketed = False  # inside "( … )" / after a bare preposition
    for token in tokens:
        if token == "(":
            bracketed, unbracketed = True, False
            phrases.append([])
        elif token == ")":
            bracketed = False
        elif bracketed or unbracketed:
            phrases[-1].append(token)
        elif not (np or phrases or particle) and token in PARTICLES - {"in", "on"}:
            particle = token
        elif token in PREPOSITIONS:
            # A bare preposition opens a phrase that runs to the next bracket or the end.
            unbracketed = True
            phrases.append([token])
        else:
            np.append(token)
    phrases = [phrase for phrase in phrases if phrase]
    shape = _assemble(particle, np, phrases, both)
    if isinstance(shape, str):
        return shape
    modifiers = tuple(_singular(w) for w in np if w not in MARKERS)[:-1]
    return (*shape, words_before, modifiers)


def _assemble(
    particle: str | None, np: list[str], phrases: list[list[str]], both: bool
) -> tuple[str | None, str | None, str | None, str, bool] | str:
    words = [word for word in np if word not in MARKERS]
    if len(words) > 3:
        return "object phrase of more than three words"
    if "$" in np:
        return "source after the verb"
    target = "obj" if "+" in np or "%" in np else "none"
    both = both or "%" in np
    obj = _singular(words[-1]) if words else None
    prep: str | None = None
    open_preps = []
    for phrase in phrases:
        head, rest = phrase[0], [word for word in phrase[1:] if word != "^"]
        if head not in PREPOSITIONS:
            return "unknown word opening a phrase"
        if "$" in rest:
            return "source inside a prepositional phrase"
        if ("+" in rest or "%" in rest) and "^" in phrase[1:]:
            # "IFTAR IN ^ +": words are skipped after the preposition, so the target is
            # not its object ("in Cairo with X"): it is sought where PETRARCH seeks it
            target, both = "obj", both or "%" in rest
            continue
        if "+" in rest or "%" in rest:
            if target != "none" or len(rest) > 1:
                return "target marker with other words"
            # "* WITH %": the compound is the target only, each member coded one way
            # (A→B, A→C); PETRARCH writes a two-way event as "[031:031]"
            prep, target = head, "prep"
        elif rest:
            return "preposition with a fixed object"
        elif phrase[1:] == []:
            open_preps.append(head)
    if prep is None and open_preps:
        if len(open_preps) > 1:
            return "several prepositions"
        # A bare "(WITH)" introduces the target unless "+" already marked the object.
        prep, target = open_preps[0], ("prep" if target == "none" else target)
    elif open_preps:
        return "several prepositions"
    if target == "none":
        # No "+" or "%": PETRARCH looks for the target where it always does (the verb's
        # object, else its prepositional phrases), so "- * TIES" still codes "ties with X".
        target = "obj"
    return particle, obj, prep, target, both


def _singular(word: str) -> str:
    """The lemma spaCy gives a plural noun, for the common regular cases."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
