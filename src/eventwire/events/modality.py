"""Negation and modality of a predicate, read from its clause and the clauses above it.

The innermost marker wins: the predicate's own auxiliaries and subordinator first
("could meet", "if they meet"), then each governing clause in turn ("plans to visit",
"urged … to stand", "said that …"). Negation accumulates along the same path
("did not agree to meet", "refused to reconsider").

Choices (documented in DESIGN terms):

- ``will``/``shall``/``would``/``'ll``, control verbs of intention (plan, intend,
  agree, vow, "is set to" …), adjectives of readiness ("is willing/ready/prepared to")
  and commitment to a gerund ("is committed to providing") give **intended**; an
  adjective's copula carries the clause's negation and report ("said it was not
  willing to …");
- a conflictual act told in the future (:func:`forecast`: "will impose sanctions",
  "plans to attack", "is prepared to impose martial law") is coded by the events stage
  as the codebook's threat of it (CAMEO 130 usage note: "when any conflictual behavior
  is forecasted using future tense, it is treated as a threat");
- ``could``/``might``/``may``/``can``, a conditional ``if``/``unless`` clause or an
  inverted one ("had X not been bombed", "were X to attack") and a counterfactual modal
  perfect ("would have attacked", which did not happen) give **hypothetical**;
- ``must``/``should``/``ought``/"have to" and the complement of an appeal verb
  (urge, call on, ask, demand …) give **demanded**;
- the complement of a reporting verb ("X said that Y did Z") gives **reported**;
- what is asked or guessed rather than told gives **hypothetical**, whatever its own
  auxiliaries say: an indirect question ("asked whether X would attend", "what reaction
  it will receive"), a sentence ending in a question mark, the complement of a verb of
  hope or speculation ("hopes X will applaud", "wonders if …") and of "likely/unlikely
  to" ("is likely to agree");
- an infinitive of purpose ("sent destroyers to block the routes", "a move to condemn
  X") gives **intended**: the act is what the subject means to bring about, not news
  that it happened; a cooperative act (04–08) so told is done by the act serving it
  ("donated ventilators to assist X") and stays asserted (:func:`served`);
- "refuse/decline/fail to X" is coded as X **negated**; ``not``/``never``/``no`` and
  "lack of" negate too. A refusal ("refused/declined to X", "will/would not X":
  :func:`is_refusal`) of a cooperative act is then recoded by the events stage as the
  codebook's rejection of it (12x, :data:`eventwire.events.build.REFUSAL_OF`).
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.records import Modality

INTENDED_AUX = frozenset({"will", "shall", "would", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "can", "ca"})  # "ca" of "can't"
DEMANDED_AUX = frozenset({"must", "should", "ought"})
MODAL_AUX = INTENDED_AUX | HYPOTHETICAL_AUX | DEMANDED_AUX
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
#: Verbs of hope or speculation: what their complement clause says is guessed at, not
#: told ("the junta hopes X will applaud"; "hope to" with no clause of its own is intent).
SPECULATION_VERBS = frozenset(
    {"hope", "wonder", "speculate", "doubt", "fear", "guess", "imagine", "predict", "wish",
     "bet"}
)  # fmt: skip
#: Adjectives that put their complement in doubt ("is likely to agree").
SPECULATIVE_ADJECTIVES = frozenset({"likely", "unlikely", "possible", "probable"})
#: Words opening an indirect question ("what reaction it will receive", "how X will react").
QUESTION_WORDS = frozenset({"what", "which", "who", "whom", "whose", "how", "why", "when", "where"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
#: Control verbs whose complement is something the subject means to do.
INTENT_VERBS = frozenset(
    {"plan", "intend", "aim", "seek", "want", "hope", "expect", "prepare", "vow", "pledge",
     "promise", "agree", "decide", "resolve", "offer", "propose", "threaten", "wish", "set",
     "schedule", "mean", "commit", "consider"}
)  # fmt: skip
#: Adjectives of readiness whose complement is meant ("is ready/willing to help").
INTENT_ADJECTIVES = frozenset({"ready", "willing", "prepared", "determined", "eager", "keen"})
#: Adjectives that deny their complement ("is unwilling to negotiate").
NEGATING_ADJECTIVES = frozenset({"unwilling", "reluctant", "unable", "unprepared"})
#: Words of commitment whose to-gerund is meant ("is committed to holding talks").
COMMITTED_TO = frozenset({"commit", "committed", "dedicate", "dedicated", "devote", "devoted"})
#: Control verbs whose complement is something someone else is asked to do.
APPEAL_VERBS = frozenset(
    {"urge", "call", "ask", "press", "appeal", "demand", "request", "encourage", "invite",
     "implore", "push", "pressure", "petition", "exhort", "beg", "require", "insist"}
)  # fmt: skip
#: Control verbs that deny their complement.
NEGATING_VERBS = frozenset({"refuse", "decline", "fail", "reject", "avoid", "stop", "cease"})
#: Control verbs that only mark aspect or evidentiality; the complement is asserted.
ASPECT_VERBS = frozenset(
    {"begin", "start", "continue", "keep", "try", "attempt", "appear", "seem", "resume",
     "manage", "move", "go", "help", "tend", "use", "need", "have", "come"}
)  # fmt: skip
#: Reporting verbs used when the quotes stage has no list to offer.
FALLBACK_SPEECH_VERBS = frozenset(
    {"say", "tell", "state", "declare", "announce", "add", "claim", "note", "insist",
     "explain", "report", "write", "stress", "argue", "believe", "think", "suggest",
     "confirm", "continue", "remark", "reply", "respond", "comment", "reiterate", "assert",
     "conclude"}
)  # fmt: skip
#: Verbs that embed a clause the way "said" does (for reported events), besides speech.
CONTROL_VERBS = INTENT_VERBS | APPEAL_VERBS | NEGATING_VERBS | ASPECT_VERBS


def speech_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs: the quotes stage's list when it has one."""
    try:
        from eventwire.quotes import speech_verbs as quote_speech_verbs  # type: ignore[attr-defined]
    except ImportError:
        return FALLBACK_SPEECH_VERBS
    return frozenset(quote_speech_verbs()) | FALLBACK_SPEECH_VERBS


#: Appeal verbs whose addressee is the object of a preposition ("called on X to …",
#: "appealed to X to …"): X, not the speaker, is asked to act.
ADDRESSING_VERBS = frozenset({"call", "appeal", "prevail"})


def infinitive(verb: Token) -> bool:
    """A to-infinitive ("to block", "to attend"): what it tells is wished, asked or meant."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def controlled(verb: Token) -> bool:
    """A complement whose subject the verb above controls: an xcomp, or an infinitive the
    small model hangs as a purpose clause from an appeal made to someone ("appealed to
    Kenya to release …": Kenya is asked to release)."""
    if verb.dep_ == "xcomp":
        return True
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.lemma_.lower() in ADDRESSING_VERBS
        and infinitive(verb)
        and any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") for c in head.children)
    )


def is_negated(verb: Token) -> bool:
    """A negation on the clause itself ("did not meet", "never visited")."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in verb.children
    )


#: Modals that with "have" tell what did not happen ("would have attacked", "could have
#: prevented"): a counterfactual, hypothetical; "must/may/might have" infer what may
#: well have happened.
COUNTERFACTUAL_AUX = frozenset({"would", "could", "should", "'d"})
#: Auxiliaries that open an inverted condition ("had X not been bombed", "were X to
#: attack", "should talks fail").
INVERTING_AUX = frozenset({"had", "were", "should"})


def counterfactual(verb: Token) -> bool:
    """A modal perfect ("would have attacked", "could have been prevented"): what the
    clause tells did not happen."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return any(a.lower_ in COUNTERFACTUAL_AUX for a in auxes) and any(
        a.lower_ == "have" for a in auxes
    )


def hypothetical_aux(verb: Token) -> bool:
    """The clause's own auxiliaries make it hypothetical ("could die", "would have died"),
    whatever clause it stands in."""
    return counterfactual(verb) or any(
        c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children
    )


def inverted_condition(verb: Token) -> bool:
    """A condition told by inversion, without "if" ("had the city not been bombed, …",
    "were China to attack, …"): an adverbial or complement clause (the small model hangs
    it either way) that opens, after any "that", with had/were/should followed by its
    subject."""
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    if any(c.dep_ == "mark" and c.lower_ != "that" for c in verb.children):
        return False
    words = [t for t in verb.subtree if not t.is_punct]
    if words and words[0].lower_ == "that":
        words = words[1:]
    return (
        len(words) > 1
        and words[0].lower_ in INVERTING_AUX
        and words[1].pos_ in ("PRON", "PROPN", "NOUN", "DET")
        and words[1].tag_ not in ("WDT", "WP")
    )


def own_modality(verb: Token) -> Modality | None:
    """Modality from the clause's own auxiliaries and subordinator, if any."""
    if counterfactual(verb) or inverted_condition(verb):
        return Modality.HYPOTHETICAL  # "would have attacked", "had X attacked": it did not
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "aux":
            if word in HYPOTHETICAL_AUX:
                return Modality.HYPOTHETICAL
            if word in DEMANDED_AUX:
                return Modality.DEMANDED
            if word in INTENDED_AUX:
                return Modality.INTENDED
            if word == "to" and verb.dep_ == "xcomp" and verb.head.lemma_ == "have":
                return Modality.DEMANDED  # "have to"
        elif child.dep_ == "mark" and word in CONDITIONAL_MARKS:
            return Modality.HYPOTHETICAL
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "set" and is_passive_be(verb.head):
        return Modality.INTENDED  # "is set to visit"
    return None


#: Nouns of asking whose complement clause says what is asked ("the demand that X …",
#: "a call for X to …").
ASKING_NOUNS = frozenset(
    {"demand", "call", "appeal", "request", "plea", "ultimatum", "petition", "insistence"}
)
#: Nouns of saying whose complement clause is what someone says happened ("an admission
#: that X killed …", "reports that X attacked …"): told, not asserted by the writer.
CLAIM_NOUNS = frozenset(
    {"admission", "report", "statement", "assurance", "announcement", "confirmation", "news",
     "assertion", "word"}
)  # fmt: skip
#: Nouns of a contested claim: what "charges that X helped the rebels" or "rumours that X
#: attacked" say is disputed, often denied in the same sentence; it is not coded.
CONTESTED_NOUNS = frozenset(
    {
        "claim",
        "allegation",
        "accusation",
        "charge",
        "denial",
        "rumour",
        "rumor",
        "suggestion",
        "speculation",
        "suspicion",
    }
)


def noun_complement_modality(clause: Token) -> Modality | None:
    """The modality a noun of asking or saying gives its complement clause (marked by
    "that" or "for", or a to-infinitive): demanded, reported, or hypothetical for a
    contested claim (:func:`alleged`); None for any other clause, a relative clause among
    them ("the report that was released")."""
    noun = clause.head
    if clause.dep_ not in ("acl", "ccomp", "advcl") or noun.pos_ != "NOUN":
        return None
    marked = any(
        (c.dep_ == "mark" and c.lower_ in ("that", "for")) or (c.dep_ == "aux" and c.lower_ == "to")
        for c in clause.children
    )
    lemma = noun.lemma_.lower()
    if not marked or any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")
                         for c in clause.children):  # fmt: skip
        return None
    if lemma in ASKING_NOUNS:
        return Modality.DEMANDED
    if lemma in CONTESTED_NOUNS:
        return Modality.HYPOTHETICAL
    return Modality.REPORTED if lemma in CLAIM_NOUNS else None


def alleged(verb: Token) -> bool:
    """Whether ``verb`` is the content of a contested claim, or part of it through
    conjoined, controlled and purpose clauses ("denied charges that his government had
    helped the rebels", "accusations that it had used radios to aid the rebels")."""
    node = verb
    for _ in range(4):
        if node.dep_ not in ("conj", "xcomp", "advcl") or node.head.i == node.i:
            break
        if noun_complement_modality(node) is not None:
            break
        node = node.head
    return (
        noun_complement_modality(node) is Modality.HYPOTHETICAL
        and node.head.lemma_.lower() in CONTESTED_NOUNS
    )


def is_passive_be(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in verb.children)


def modality_of(verb: Token, speech: frozenset[str]) -> tuple[Modality, bool]:
    """(modality, negated) of a predicate, walking up through the clauses that embed it."""
    modality: Modality | None = None
    negated = False
    node = verb
    for _ in range(8):
        negated = negated or is_negated(node)
        if modality is None:
            modality = own_modality(node)
        head = node.head
        if head.i == node.i:
            break
        lemma = head.lemma_.lower()
        if node.dep_ == "conj":
            node = head  # conjoined verbs share the clause's markers
            continue
        if controlled(node):
            negated = negated or lemma in NEGATING_VERBS or lemma in NEGATING_ADJECTIVES
            if lemma in SPECULATIVE_ADJECTIVES:
                return Modality.HYPOTHETICAL, negated  # "is likely to agree": a guess
            if modality is None and lemma in INTENT_VERBS | INTENT_ADJECTIVES | NEGATING_ADJECTIVES:
                modality = Modality.INTENDED
            elif modality is None and lemma in APPEAL_VERBS:
                modality = Modality.DEMANDED
            node = head
            continue
        if node.dep_ == "ccomp":
            if indirect_question(node) or _speculates(head):
                # "asked whether X would attend", "hopes X will applaud": not told as fact
                return Modality.HYPOTHETICAL, negated
            if question_clause(node) and lemma in APPEAL_VERBS:
                break  # "asked why X had expelled Y": the expulsion is taken as given
            if modality is None and lemma in APPEAL_VERBS:
                modality = Modality.DEMANDED
            elif modality is None and lemma in speech:
                modality = Modality.REPORTED
            if lemma in speech or lemma in APPEAL_VERBS:
                break  # the reporting clause's own markers belong to the report, not the event
            node = head
            continue
        said = noun_complement_modality(node)
        if said is not None:
            # "its demand that X ease restrictions", "an admission that X killed …": what a
            # demand asks for is demanded, what a claim says is reported
            return modality or said, negated
        if node.dep_ == "acomp" and head.pos_ in ("AUX", "VERB"):
            # "is not willing to meet", "said it was ready to …": the copula's clause
            node = head
            continue
        if modality is None and purpose(node):
            modality = Modality.INTENDED  # "sent ships to block the routes": meant, not done
            node = head
            continue
        committed = commitment_head(node)
        if committed is not None:
            # "is committed to providing aid": what the subject has committed itself to
            modality = modality or Modality.INTENDED
            node = committed
            continue
        conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children)
        conditional = conditional or inverted_condition(node)
        if node.dep_ == "advcl" and modality is None and conditional:
            modality = Modality.HYPOTHETICAL
        break
    if asked_in_question(verb):
        return Modality.HYPOTHETICAL, negated
    return modality or Modality.ASSERTED, negated


def question_clause(clause: Token) -> bool:
    """A complement clause opened by whether/if or by a question word."""
    if _whether(clause):
        return True
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.lower_ in QUESTION_WORDS and first.i < clause.i


def indirect_question(clause: Token) -> bool:
    """A complement clause that asks rather than tells: opened by whether/if ("whether it
    was appropriate to …"), or by a question word with a modal or an infinitive of its
    own ("what reaction it will receive", "how to respond"); "asked why X attacked" and
    "how many were killed" take the act as given."""
    if _whether(clause):
        return True
    return question_clause(clause) and any(
        c.dep_ == "aux" and (c.lower_ in MODAL_AUX or c.lower_ == "to") for c in clause.children
    )


def _whether(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)


def _speculates(verb: Token) -> bool:
    """A verb of hope or speculation, by lemma or by form (the small model lemmatises
    "hopes" as "hop")."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & SPECULATION_VERBS)


def asked_in_question(verb: Token) -> bool:
    """Whether ``verb`` is what a question asks (the sentence's last word, before any
    closing quote, is "?", and the verb is its main clause or a complement of it): "Will
    China retaliate?" tells no retaliation; "why did they stay away, since X had invaded
    Y?" takes the invasion as given."""
    words = [t for t in verb.sent if not (t.is_quote or t.is_space)]
    if not words or words[-1].text != "?":
        return False
    node = verb
    while node.head.i != node.i:
        if node.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        node = node.head
    return True


#: Determiners and adjectives that make an infinitive on a noun say what happened, not
#: what is meant: "the first leader to visit X", "the only country to recognise X".
_RANKING = frozenset({"first", "last", "only", "second", "third", "next"})


def purpose(clause: Token) -> bool:
    """An infinitive of purpose: a to-clause hung on a verb as adverbial ("sent ships to
    block the routes") or on a noun ("a move to condemn X", "efforts to counter X"),
    other than one that ranks its noun ("the first leader to visit X")."""
    if not infinitive(clause):
        return False
    head = clause.head
    if clause.dep_ == "advcl":
        # "has come to support X", "began to attack": a control verb with no object of
        # its own takes the infinitive as its complement, however the model hangs it
        return not (
            head.lemma_.lower() in CONTROL_VERBS
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
        )
    return (
        clause.dep_ == "acl"
        and head.pos_ == "NOUN"
        and not any(c.lower_ in _RANKING or c.tag_ == "JJS" for c in head.children)
    )


#: Roots of cooperative acts (04–08): done by the act whose purpose they are.
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})


def served(verb: Token, code: str) -> bool:
    """A cooperative act told as the purpose of another ("donated ventilators to assist X",
    "met to discuss trade") is done by the act that serves it: asserted, where a hostile
    one ("sent destroyers to block the routes") stays only intended."""
    node = verb
    while node.head.i != node.i and (
        node.dep_ == "conj" or (node.dep_ == "xcomp" and node.head.lemma_ in ASPECT_VERBS)
    ):
        node = node.head  # "to help support X", "to train and equip X"
    return code[:2] in _COOPERATIVE_ROOTS and purpose(node)


def commitment_head(verb: Token) -> Token | None:
    """The word of commitment a gerund hangs from through "to" ("committed to providing
    aid", "remains dedicated to holding talks"), if any."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "to" or prep.dep_ != "prep":
        return None
    head = prep.head
    return head if {head.lemma_.lower(), head.lower_} & COMMITTED_TO else None


#: Control verbs that refuse their complement outright; "fail", "avoid", "stop" only deny
#: it ("failed to reach a deal" is no rejection of one).
REFUSING_VERBS = frozenset({"refuse", "decline", "reject"})


def is_refusal(verb: Token) -> bool:
    """A predicate refused rather than merely not done: "refused/declined to meet X", or
    a negated promise "will not / would not provide X" (the codebook's 12x rejections)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in REFUSING_VERBS:
        return True
    own = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return is_negated(verb) and bool(own & INTENDED_AUX)


#: Verbs whose complement is announced as the subject's own future act ("plans to attack",
#: "vowed to retaliate"); a decision or agreement ("decided/agreed to impose") is the act
#: itself settled, not a forecast of it; a wish or offer is no forecast either, nor a
#: pledge or promise, which commits the subject to a third party ("pledged to expel X"
#: as a condition of an agreement) rather than forecasting an act against X.
FORECAST_VERBS = frozenset(
    {"plan", "intend", "prepare", "vow", "swear", "threaten", "set", "schedule", "aim", "mean"}
)
#: Adjectives of readiness whose complement is announced ("is prepared to impose …").
FORECAST_ADJECTIVES = frozenset({"ready", "prepared", "determined", "poised", "set"})


def forecast(verb: Token) -> bool:
    """Whether ``verb`` is told as the subject's future act: its own will/would/shall
    ("would boycott", but not the counterfactual "would have"), or the complement of a
    verb of plan or promise or of an adjective of readiness, through conjunctions and
    aspect verbs ("is prepared to resume shelling")."""
    node = verb
    for _ in range(6):
        auxes = [c for c in node.children if c.dep_ == "aux" and c.i < node.i]
        if any(a.lower_ in INTENDED_AUX for a in auxes) and not any(
            a.lemma_ == "have" for a in auxes
        ):
            return True
        head = node.head
        if head.i == node.i:
            return False
        lemma = head.lemma_.lower()
        if node.dep_ == "conj" or (node.dep_ == "xcomp" and lemma in ASPECT_VERBS):
            node = head
            continue
        if node.dep_ == "xcomp":
            return lemma in FORECAST_VERBS or head.lower_ in FORECAST_ADJECTIVES
        return False
    return False


def noun_negated(noun: Token) -> bool:
    """A nominal event denied by its phrase: "no talks", "lack of ties", "without talks"."""
    if any(c.dep_ in ("det", "neg") and c.lower_ in NEGATORS for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "without":
        return True
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in {"lack", "absence", "suspension", "end", "collapse"}
    )
